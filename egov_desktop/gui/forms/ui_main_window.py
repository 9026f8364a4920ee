# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QDockWidget, QHBoxLayout,
    QLabel, QMainWindow, QMenu, QMenuBar,
    QPushButton, QSizePolicy, QSpacerItem, QSplitter,
    QStackedWidget, QStatusBar, QTabWidget, QVBoxLayout,
    QWidget)
from egov_desktop.core.i18n import _

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 760)
        self.actionNewPlan = QAction(MainWindow)
        self.actionNewPlan.setObjectName(u"actionNewPlan")
#if QT_CONFIG(shortcut)
        self.actionNewPlan.setShortcut(u"Ctrl+N")
#endif // QT_CONFIG(shortcut)
        self.actionImport = QAction(MainWindow)
        self.actionImport.setObjectName(u"actionImport")
#if QT_CONFIG(shortcut)
        self.actionImport.setShortcut(u"Ctrl+O")
#endif // QT_CONFIG(shortcut)
        self.actionImportTable = QAction(MainWindow)
        self.actionImportTable.setObjectName(u"actionImportTable")
#if QT_CONFIG(shortcut)
        self.actionImportTable.setShortcut(u"Ctrl+Shift+O")
#endif // QT_CONFIG(shortcut)
        self.actionExportExchange = QAction(MainWindow)
        self.actionExportExchange.setObjectName(u"actionExportExchange")
        self.actionOffice = QAction(MainWindow)
        self.actionOffice.setObjectName(u"actionOffice")
        self.actionCollect = QAction(MainWindow)
        self.actionCollect.setObjectName(u"actionCollect")
        self.actionConsolidate = QAction(MainWindow)
        self.actionConsolidate.setObjectName(u"actionConsolidate")
        self.actionDeadlines = QAction(MainWindow)
        self.actionDeadlines.setObjectName(u"actionDeadlines")
        self.actionApaOverview = QAction(MainWindow)
        self.actionApaOverview.setObjectName(u"actionApaOverview")
        self.actionScoring = QAction(MainWindow)
        self.actionScoring.setObjectName(u"actionScoring")
        self.actionBackup = QAction(MainWindow)
        self.actionBackup.setObjectName(u"actionBackup")
        self.actionRestore = QAction(MainWindow)
        self.actionRestore.setObjectName(u"actionRestore")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionShowPlan = QAction(MainWindow)
        self.actionShowPlan.setObjectName(u"actionShowPlan")
#if QT_CONFIG(shortcut)
        self.actionShowPlan.setShortcut(u"Ctrl+1")
#endif // QT_CONFIG(shortcut)
        self.actionShowProgress = QAction(MainWindow)
        self.actionShowProgress.setObjectName(u"actionShowProgress")
#if QT_CONFIG(shortcut)
        self.actionShowProgress.setShortcut(u"Ctrl+2")
#endif // QT_CONFIG(shortcut)
        self.actionNextTab = QAction(MainWindow)
        self.actionNextTab.setObjectName(u"actionNextTab")
        self.actionPreviousTab = QAction(MainWindow)
        self.actionPreviousTab.setObjectName(u"actionPreviousTab")
        self.actionShortcuts = QAction(MainWindow)
        self.actionShortcuts.setObjectName(u"actionShortcuts")
#if QT_CONFIG(shortcut)
        self.actionShortcuts.setShortcut(u"F1")
#endif // QT_CONFIG(shortcut)
        self.actionLatinDigits = QAction(MainWindow)
        self.actionLatinDigits.setObjectName(u"actionLatinDigits")
        self.actionLatinDigits.setCheckable(True)
        self.actionMemo = QAction(MainWindow)
        self.actionMemo.setObjectName(u"actionMemo")
#if QT_CONFIG(shortcut)
        self.actionMemo.setShortcut(u"Ctrl+M")
#endif // QT_CONFIG(shortcut)
        self.actionExportWord = QAction(MainWindow)
        self.actionExportWord.setObjectName(u"actionExportWord")
#if QT_CONFIG(shortcut)
        self.actionExportWord.setShortcut(u"Ctrl+E")
#endif // QT_CONFIG(shortcut)
        self.actionExportExcel = QAction(MainWindow)
        self.actionExportExcel.setObjectName(u"actionExportExcel")
        self.actionEmail = QAction(MainWindow)
        self.actionEmail.setObjectName(u"actionEmail")
        self.actionEmailPackage = QAction(MainWindow)
        self.actionEmailPackage.setObjectName(u"actionEmailPackage")
        self.actionPackage = QAction(MainWindow)
        self.actionPackage.setObjectName(u"actionPackage")
        self.actionSignOff = QAction(MainWindow)
        self.actionSignOff.setObjectName(u"actionSignOff")
        self.actionMarkSubmitted = QAction(MainWindow)
        self.actionMarkSubmitted.setObjectName(u"actionMarkSubmitted")
        self.actionReopen = QAction(MainWindow)
        self.actionReopen.setObjectName(u"actionReopen")
        self.actionBangla = QAction(MainWindow)
        self.actionBangla.setObjectName(u"actionBangla")
        self.actionBangla.setCheckable(True)
        self.actionBangla.setText(u"\u09ac\u09be\u0982\u09b2\u09be (&B)")
        self.actionEnglish = QAction(MainWindow)
        self.actionEnglish.setObjectName(u"actionEnglish")
        self.actionEnglish.setCheckable(True)
        self.actionEnglish.setText(u"&English")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QVBoxLayout(self.central)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(6, 6, 6, 0)
        self.planBar = QHBoxLayout()
        self.planBar.setObjectName(u"planBar")
        self.fiscalYearLabel = QLabel(self.central)
        self.fiscalYearLabel.setObjectName(u"fiscalYearLabel")

        self.planBar.addWidget(self.fiscalYearLabel)

        self.fiscalYear = QComboBox(self.central)
        self.fiscalYear.setObjectName(u"fiscalYear")
        self.fiscalYear.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.planBar.addWidget(self.fiscalYear)

        self.kindLabel = QLabel(self.central)
        self.kindLabel.setObjectName(u"kindLabel")

        self.planBar.addWidget(self.kindLabel)

        self.kind = QComboBox(self.central)
        self.kind.setObjectName(u"kind")
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.planBar.addWidget(self.kind)

        self.planBarSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.planBar.addItem(self.planBarSpacer)

        self.officeName = QLabel(self.central)
        self.officeName.setObjectName(u"officeName")
        self.officeName.setTextFormat(Qt.TextFormat.PlainText)

        self.planBar.addWidget(self.officeName)


        self.centralLayout.addLayout(self.planBar)

        self.pages = QStackedWidget(self.central)
        self.pages.setObjectName(u"pages")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyTop = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyTop)

        self.emptyText = QLabel(self.emptyPage)
        self.emptyText.setObjectName(u"emptyText")
        self.emptyText.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyText.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyText)

        self.emptyButtons = QHBoxLayout()
        self.emptyButtons.setObjectName(u"emptyButtons")
        self.emptyLeft = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyButtons.addItem(self.emptyLeft)

        self.emptyNewPlan = QPushButton(self.emptyPage)
        self.emptyNewPlan.setObjectName(u"emptyNewPlan")

        self.emptyButtons.addWidget(self.emptyNewPlan)

        self.emptyRight = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.emptyButtons.addItem(self.emptyRight)


        self.emptyLayout.addLayout(self.emptyButtons)

        self.emptyBottom = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.emptyLayout.addItem(self.emptyBottom)

        self.pages.addWidget(self.emptyPage)
        self.tabs = QTabWidget()
        self.tabs.setObjectName(u"tabs")
        self.planTab = QWidget()
        self.planTab.setObjectName(u"planTab")
        self.planTabLayout = QVBoxLayout(self.planTab)
        self.planTabLayout.setObjectName(u"planTabLayout")
        self.planTabLayout.setContentsMargins(0, 4, 0, 0)
        self.tabs.addTab(self.planTab, "")
        self.progressTab = QWidget()
        self.progressTab.setObjectName(u"progressTab")
        self.progressTabLayout = QVBoxLayout(self.progressTab)
        self.progressTabLayout.setObjectName(u"progressTabLayout")
        self.progressTabLayout.setContentsMargins(0, 4, 0, 0)
        self.periodBar = QHBoxLayout()
        self.periodBar.setObjectName(u"periodBar")
        self.periodLabel = QLabel(self.progressTab)
        self.periodLabel.setObjectName(u"periodLabel")

        self.periodBar.addWidget(self.periodLabel)

        self.period = QComboBox(self.progressTab)
        self.period.setObjectName(u"period")
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.periodBar.addWidget(self.period)

        self.reportState = QLabel(self.progressTab)
        self.reportState.setObjectName(u"reportState")
        self.reportState.setTextFormat(Qt.TextFormat.PlainText)

        self.periodBar.addWidget(self.reportState)

        self.periodBarSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.periodBar.addItem(self.periodBarSpacer)

        self.memoButton = QPushButton(self.progressTab)
        self.memoButton.setObjectName(u"memoButton")

        self.periodBar.addWidget(self.memoButton)

        self.signOffButton = QPushButton(self.progressTab)
        self.signOffButton.setObjectName(u"signOffButton")

        self.periodBar.addWidget(self.signOffButton)

        self.reopenButton = QPushButton(self.progressTab)
        self.reopenButton.setObjectName(u"reopenButton")

        self.periodBar.addWidget(self.reopenButton)

        self.exportButton = QPushButton(self.progressTab)
        self.exportButton.setObjectName(u"exportButton")

        self.periodBar.addWidget(self.exportButton)


        self.progressTabLayout.addLayout(self.periodBar)

        self.progressSplitter = QSplitter(self.progressTab)
        self.progressSplitter.setObjectName(u"progressSplitter")
        self.progressSplitter.setOrientation(Qt.Orientation.Horizontal)
        self.progressSplitter.setChildrenCollapsible(False)

        self.progressTabLayout.addWidget(self.progressSplitter)

        self.tabs.addTab(self.progressTab, "")
        self.pages.addWidget(self.tabs)

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuEdit = QMenu(self.menubar)
        self.menuEdit.setObjectName(u"menuEdit")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuReport = QMenu(self.menubar)
        self.menuReport.setObjectName(u"menuReport")
        self.menuLanguage = QMenu(self.menubar)
        self.menuLanguage.setObjectName(u"menuLanguage")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)
        self.problemsDock = QDockWidget(MainWindow)
        self.problemsDock.setObjectName(u"problemsDock")
        self.problemsDock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable|QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.problemsContents = QWidget()
        self.problemsContents.setObjectName(u"problemsContents")
        self.problemsLayout = QVBoxLayout(self.problemsContents)
        self.problemsLayout.setObjectName(u"problemsLayout")
        self.problemsLayout.setContentsMargins(0, 0, 0, 0)
        self.problemsDock.setWidget(self.problemsContents)
        MainWindow.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problemsDock)
#if QT_CONFIG(shortcut)
        self.fiscalYearLabel.setBuddy(self.fiscalYear)
        self.kindLabel.setBuddy(self.kind)
        self.periodLabel.setBuddy(self.period)
#endif // QT_CONFIG(shortcut)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuEdit.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuReport.menuAction())
        self.menubar.addAction(self.menuLanguage.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionNewPlan)
        self.menuFile.addAction(self.actionImport)
        self.menuFile.addAction(self.actionImportTable)
        self.menuFile.addAction(self.actionExportExchange)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionOffice)
        self.menuFile.addAction(self.actionCollect)
        self.menuFile.addAction(self.actionConsolidate)
        self.menuFile.addAction(self.actionDeadlines)
        self.menuFile.addAction(self.actionScoring)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionBackup)
        self.menuFile.addAction(self.actionRestore)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuView.addAction(self.actionShowPlan)
        self.menuView.addAction(self.actionShowProgress)
        self.menuView.addAction(self.actionNextTab)
        self.menuView.addAction(self.actionPreviousTab)
        self.menuView.addAction(self.actionApaOverview)
        self.menuView.addSeparator()
        self.menuView.addAction(self.actionLatinDigits)
        self.menuReport.addAction(self.actionMemo)
        self.menuReport.addAction(self.actionExportWord)
        self.menuReport.addAction(self.actionExportExcel)
        self.menuReport.addAction(self.actionEmail)
        self.menuReport.addAction(self.actionEmailPackage)
        self.menuReport.addAction(self.actionPackage)
        self.menuReport.addSeparator()
        self.menuReport.addAction(self.actionSignOff)
        self.menuReport.addAction(self.actionMarkSubmitted)
        self.menuReport.addAction(self.actionReopen)
        self.menuLanguage.addAction(self.actionBangla)
        self.menuLanguage.addAction(self.actionEnglish)
        self.menuHelp.addAction(self.actionShortcuts)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(_(u"e-Governance and Innovation Action Plan"))
        self.actionNewPlan.setText(_(u"&New plan\u2026"))
        self.actionImport.setText(_(u"&Import exchange file\u2026"))
        self.actionImportTable.setText(_(u"Import from Word or Exce&l\u2026"))
        self.actionExportExchange.setText(_(u"E&xport exchange file\u2026"))
        self.actionOffice.setText(_(u"&Office profile\u2026"))
        self.actionCollect.setText(_(u"&Collect reports of subordinate offices\u2026"))
        self.actionConsolidate.setText(_(u"Consolidated re&port of subordinate offices\u2026"))
        self.actionDeadlines.setText(_(u"&Deadlines\u2026"))
        self.actionApaOverview.setText(_(u"&APA overview of the five plans\u2026"))
        self.actionScoring.setText(_(u"How the plan is &scored\u2026"))
        self.actionBackup.setText(_(u"&Back up\u2026"))
        self.actionRestore.setText(_(u"Restore from a bac&kup\u2026"))
        self.actionQuit.setText(_(u"&Quit"))
        self.actionShowPlan.setText(_(u"&Plan"))
        self.actionShowProgress.setText(_(u"P&rogress"))
        self.actionNextTab.setText(_(u"&Next tab"))
        self.actionPreviousTab.setText(_(u"Pre&vious tab"))
        self.actionShortcuts.setText(_(u"&Keyboard shortcuts\u2026"))
        self.actionLatinDigits.setText(_(u"Show &Latin digits"))
        self.actionMemo.setText(_(u"&Forwarding memo\u2026"))
        self.actionExportWord.setText(_(u"&Word report\u2026"))
        self.actionExportExcel.setText(_(u"E&xcel report\u2026"))
        self.actionEmail.setText(_(u"&E-mail draft\u2026"))
        self.actionEmailPackage.setText(_(u"E-mail draft with the p&ackage\u2026"))
        self.actionPackage.setText(_(u"Submission &package\u2026"))
        self.actionSignOff.setText(_(u"&Sign off and finalise\u2026"))
        self.actionMarkSubmitted.setText(_(u"Mar&k as submitted\u2026"))
        self.actionReopen.setText(_(u"&Reopen\u2026"))
        self.actionAbout.setText(_(u"&About"))
        self.fiscalYearLabel.setText(_(u"Fiscal year:"))
        self.kindLabel.setText(_(u"Plan:"))
        self.emptyText.setText(_(u"There is no plan in this database yet."))
        self.emptyNewPlan.setText(_(u"New plan\u2026"))
        self.tabs.setTabText(self.tabs.indexOf(self.planTab), _(u"Plan"))
        self.periodLabel.setText(_(u"Period:"))
        self.memoButton.setText(_(u"Forwarding memo\u2026"))
        self.signOffButton.setText(_(u"Sign off and finalise\u2026"))
        self.reopenButton.setText(_(u"Reopen\u2026"))
        self.exportButton.setText(_(u"Word report\u2026"))
        self.tabs.setTabText(self.tabs.indexOf(self.progressTab), _(u"Progress"))
        self.menuFile.setTitle(_(u"&File"))
        self.menuEdit.setTitle(_(u"&Edit"))
        self.menuView.setTitle(_(u"&View"))
        self.menuReport.setTitle(_(u"&Report"))
        self.menuLanguage.setTitle(_(u"&Language"))
        self.menuHelp.setTitle(_(u"&Help"))
        self.problemsDock.setWindowTitle(_(u"Problems"))
    # retranslateUi

