; Inno Setup 6 script: the Windows installer of egov-desktop.
; Built by packaging/build.py --installer (on the Windows CI runner, .github/workflows/windows.yml):
;   ISCC /DAppVersion=<version from pyproject.toml> /DSourceDir=dist\egov-desktop /Odist packaging\egov-desktop.iss
; This file is UTF-8 with a byte-order mark: Inno Setup needs the BOM to read the Bangla names.
;
; - Per-user install, no administrator rights (PrivilegesRequired=lowest): a section officer
;   installs it on an office PC without calling IT. It goes to %LOCALAPPDATA%\Programs\egov-desktop.
; - Start-menu and desktop shortcuts with Bangla names.
; - The user's data (%APPDATA%\egov-desktop: the database and its backups) is never written by
;   the installer, so the uninstaller leaves it alone; reinstalling finds it again.

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=X.Y.Z (packaging/build.py reads it from pyproject.toml)
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\egov-desktop"
#endif
#define AppName "egov-desktop"
#define AppNameBn "ই-গভর্ন্যান্স ও উদ্ভাবন কর্মপরিকল্পনা"
#define AppExe "egov-desktop.exe"

[Setup]
; Never change AppId: it is how an update finds the installed copy.
AppId={{E9D66CB3-6F27-4882-AC97-A2EA9FF6ADA1}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppNameBn} {#AppVersion}
AppPublisher=egov-desktop
VersionInfoVersion={#AppVersion}
UninstallDisplayName={#AppNameBn} (egov-desktop)
UninstallDisplayIcon={app}\{#AppExe}
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
; Qt 6 runs on 64-bit Windows 10 and later only. (x64compatible needs Inno Setup 6.3 or later.)
MinVersion=10.0
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; An update closes a running copy first (Restart Manager), so no file is locked half-way.
CloseApplications=yes
OutputBaseFilename=egov-desktop-setup-{#AppVersion}
OutputDir=..\dist
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
#if FileExists(AddBackslash(SourcePath) + "..\resources\icons\egov-desktop.ico")
SetupIconFile=..\resources\icons\egov-desktop.ico
#endif
#ifdef Sign
; build.py --sign passes /Ssigntool=... ; Inno Setup then signs the setup and the uninstaller it makes.
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; An update replaces the whole library folder: a file dropped from a newer build (an old
; migration script, a removed module) must not linger. The user's data is not in {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppNameBn}"; Filename: "{app}\{#AppExe}"; Comment: "কর্মপরিকল্পনা, ত্রৈমাসিক অগ্রগতি ও প্রতিবেদন"
Name: "{autodesktop}\{#AppNameBn}"; Filename: "{app}\{#AppExe}"; Comment: "কর্মপরিকল্পনা, ত্রৈমাসিক অগ্রগতি ও প্রতিবেদন"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppNameBn}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete]: uninstalling removes only what was installed into {app}. The database in
; %APPDATA%\egov-desktop and its backups stay, by design.
