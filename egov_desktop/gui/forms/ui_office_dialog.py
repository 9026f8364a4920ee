# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'office_dialog.ui'
##
## Created by: Qt User Interface Compiler
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)
from egov_desktop.core.i18n import _

class Ui_OfficeDialog(object):
    def setupUi(self, OfficeDialog):
        if not OfficeDialog.objectName():
            OfficeDialog.setObjectName(u"OfficeDialog")
        OfficeDialog.resize(720, 520)
        self.mainLayout = QVBoxLayout(OfficeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(OfficeDialog)
        self.tabs.setObjectName(u"tabs")
        self.officeTab = QWidget()
        self.officeTab.setObjectName(u"officeTab")
        self.officeForm = QFormLayout(self.officeTab)
        self.officeForm.setObjectName(u"officeForm")
        self.nameLabel = QLabel(self.officeTab)
        self.nameLabel.setObjectName(u"nameLabel")

        self.officeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(self.officeTab)
        self.name.setObjectName(u"name")

        self.officeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name)

        self.tierLabel = QLabel(self.officeTab)
        self.tierLabel.setObjectName(u"tierLabel")

        self.officeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.tierLabel)

        self.tier = QComboBox(self.officeTab)
        self.tier.setObjectName(u"tier")

        self.officeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.tier)

        self.governmentLabel = QLabel(self.officeTab)
        self.governmentLabel.setObjectName(u"governmentLabel")

        self.officeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.governmentLabel)

        self.government = QLineEdit(self.officeTab)
        self.government.setObjectName(u"government")

        self.officeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.government)

        self.parentLabel = QLabel(self.officeTab)
        self.parentLabel.setObjectName(u"parentLabel")

        self.officeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parent = QLineEdit(self.officeTab)
        self.parent.setObjectName(u"parent")

        self.officeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parent)

        self.unitLabel = QLabel(self.officeTab)
        self.unitLabel.setObjectName(u"unitLabel")

        self.officeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.unitLabel)

        self.unit = QLineEdit(self.officeTab)
        self.unit.setObjectName(u"unit")

        self.officeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.unit)

        self.addressLabel = QLabel(self.officeTab)
        self.addressLabel.setObjectName(u"addressLabel")

        self.officeForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.addressLabel)

        self.address = QLineEdit(self.officeTab)
        self.address.setObjectName(u"address")

        self.officeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.address)

        self.websiteLabel = QLabel(self.officeTab)
        self.websiteLabel.setObjectName(u"websiteLabel")

        self.officeForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.websiteLabel)

        self.website = QLineEdit(self.officeTab)
        self.website.setObjectName(u"website")

        self.officeForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.website)

        self.emailLabel = QLabel(self.officeTab)
        self.emailLabel.setObjectName(u"emailLabel")

        self.officeForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.emailLabel)

        self.email = QLineEdit(self.officeTab)
        self.email.setObjectName(u"email")

        self.officeForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.email)

        self.phoneLabel = QLabel(self.officeTab)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.officeForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(self.officeTab)
        self.phone.setObjectName(u"phone")

        self.officeForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.phone)

        self.officerNameLabel = QLabel(self.officeTab)
        self.officerNameLabel.setObjectName(u"officerNameLabel")
        self.officerNameLabel.setWordWrap(True)

        self.officeForm.setWidget(9, QFormLayout.ItemRole.LabelRole, self.officerNameLabel)

        self.officerName = QLineEdit(self.officeTab)
        self.officerName.setObjectName(u"officerName")

        self.officeForm.setWidget(9, QFormLayout.ItemRole.FieldRole, self.officerName)

        self.tabs.addTab(self.officeTab, "")
        self.signatoriesTab = QWidget()
        self.signatoriesTab.setObjectName(u"signatoriesTab")
        self.signatoriesLayout = QVBoxLayout(self.signatoriesTab)
        self.signatoriesLayout.setObjectName(u"signatoriesLayout")
        self.signatories = QTableWidget(self.signatoriesTab)
        self.signatories.setObjectName(u"signatories")
        self.signatories.setColumnCount(4)
        self.signatories.horizontalHeader().setStretchLastSection(True)
        self.signatories.verticalHeader().setVisible(False)

        self.signatoriesLayout.addWidget(self.signatories)

        self.signatoryButtons = QHBoxLayout()
        self.signatoryButtons.setObjectName(u"signatoryButtons")
        self.addSignatory = QPushButton(self.signatoriesTab)
        self.addSignatory.setObjectName(u"addSignatory")

        self.signatoryButtons.addWidget(self.addSignatory)

        self.removeSignatory = QPushButton(self.signatoriesTab)
        self.removeSignatory.setObjectName(u"removeSignatory")

        self.signatoryButtons.addWidget(self.removeSignatory)

        self.signatorySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.signatoryButtons.addItem(self.signatorySpacer)


        self.signatoriesLayout.addLayout(self.signatoryButtons)

        self.tabs.addTab(self.signatoriesTab, "")
        self.memoTab = QWidget()
        self.memoTab.setObjectName(u"memoTab")
        self.memoForm = QFormLayout(self.memoTab)
        self.memoForm.setObjectName(u"memoForm")
        self.recipientsLabel = QLabel(self.memoTab)
        self.recipientsLabel.setObjectName(u"recipientsLabel")
        self.recipientsLabel.setWordWrap(True)

        self.memoForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recipientsLabel)

        self.recipients = QPlainTextEdit(self.memoTab)
        self.recipients.setObjectName(u"recipients")
        self.recipients.setTabChangesFocus(True)

        self.memoForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.recipients)

        self.copiesLabel = QLabel(self.memoTab)
        self.copiesLabel.setObjectName(u"copiesLabel")
        self.copiesLabel.setWordWrap(True)

        self.memoForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.copiesLabel)

        self.copies = QPlainTextEdit(self.memoTab)
        self.copies.setObjectName(u"copies")
        self.copies.setTabChangesFocus(True)

        self.memoForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.copies)

        self.standardParagraphsLabel = QLabel(self.memoTab)
        self.standardParagraphsLabel.setObjectName(u"standardParagraphsLabel")
        self.standardParagraphsLabel.setWordWrap(True)

        self.memoForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.standardParagraphsLabel)

        self.standardParagraphs = QPlainTextEdit(self.memoTab)
        self.standardParagraphs.setObjectName(u"standardParagraphs")
        self.standardParagraphs.setTabChangesFocus(True)

        self.memoForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.standardParagraphs)

        self.attentionLabel = QLabel(self.memoTab)
        self.attentionLabel.setObjectName(u"attentionLabel")

        self.memoForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.attentionLabel)

        self.attention = QLineEdit(self.memoTab)
        self.attention.setObjectName(u"attention")

        self.memoForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.attention)

        self.copiesPurposeLabel = QLabel(self.memoTab)
        self.copiesPurposeLabel.setObjectName(u"copiesPurposeLabel")

        self.memoForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.copiesPurposeLabel)

        self.copiesPurpose = QLineEdit(self.memoTab)
        self.copiesPurpose.setObjectName(u"copiesPurpose")

        self.memoForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.copiesPurpose)

        self.prefixesLabel = QLabel(self.memoTab)
        self.prefixesLabel.setObjectName(u"prefixesLabel")
        self.prefixesLabel.setWordWrap(True)

        self.memoForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.prefixesLabel)

        self.prefixesLayout = QVBoxLayout()
        self.prefixesLayout.setObjectName(u"prefixesLayout")
        self.prefixes = QTableWidget(self.memoTab)
        self.prefixes.setObjectName(u"prefixes")
        self.prefixes.setColumnCount(2)
        self.prefixes.horizontalHeader().setStretchLastSection(True)
        self.prefixes.verticalHeader().setVisible(False)

        self.prefixesLayout.addWidget(self.prefixes)

        self.prefixButtons = QHBoxLayout()
        self.prefixButtons.setObjectName(u"prefixButtons")
        self.addPrefix = QPushButton(self.memoTab)
        self.addPrefix.setObjectName(u"addPrefix")

        self.prefixButtons.addWidget(self.addPrefix)

        self.removePrefix = QPushButton(self.memoTab)
        self.removePrefix.setObjectName(u"removePrefix")

        self.prefixButtons.addWidget(self.removePrefix)

        self.prefixSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.prefixButtons.addItem(self.prefixSpacer)


        self.prefixesLayout.addLayout(self.prefixButtons)


        self.memoForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.prefixesLayout)

        self.tabs.addTab(self.memoTab, "")
        self.emailTab = QWidget()
        self.emailTab.setObjectName(u"emailTab")
        self.emailForm = QFormLayout(self.emailTab)
        self.emailForm.setObjectName(u"emailForm")
        self.emailNote = QLabel(self.emailTab)
        self.emailNote.setObjectName(u"emailNote")
        self.emailNote.setWordWrap(True)

        self.emailForm.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.emailNote)

        self.recipientEmailsLabel = QLabel(self.emailTab)
        self.recipientEmailsLabel.setObjectName(u"recipientEmailsLabel")
        self.recipientEmailsLabel.setWordWrap(True)

        self.emailForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.recipientEmailsLabel)

        self.recipientEmails = QPlainTextEdit(self.emailTab)
        self.recipientEmails.setObjectName(u"recipientEmails")
        self.recipientEmails.setTabChangesFocus(True)
        self.recipientEmails.setPlaceholderText(u"name@office.gov.bd")

        self.emailForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.recipientEmails)

        self.copyEmailsLabel = QLabel(self.emailTab)
        self.copyEmailsLabel.setObjectName(u"copyEmailsLabel")
        self.copyEmailsLabel.setWordWrap(True)

        self.emailForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.copyEmailsLabel)

        self.copyEmails = QPlainTextEdit(self.emailTab)
        self.copyEmails.setObjectName(u"copyEmails")
        self.copyEmails.setTabChangesFocus(True)

        self.emailForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.copyEmails)

        self.tabs.addTab(self.emailTab, "")
        self.subordinatesTab = QWidget()
        self.subordinatesTab.setObjectName(u"subordinatesTab")
        self.subordinatesLayout = QVBoxLayout(self.subordinatesTab)
        self.subordinatesLayout.setObjectName(u"subordinatesLayout")
        self.subordinatesNote = QLabel(self.subordinatesTab)
        self.subordinatesNote.setObjectName(u"subordinatesNote")
        self.subordinatesNote.setWordWrap(True)

        self.subordinatesLayout.addWidget(self.subordinatesNote)

        self.subordinates = QTableWidget(self.subordinatesTab)
        self.subordinates.setObjectName(u"subordinates")
        self.subordinates.setColumnCount(4)
        self.subordinates.horizontalHeader().setStretchLastSection(True)
        self.subordinates.verticalHeader().setVisible(False)

        self.subordinatesLayout.addWidget(self.subordinates)

        self.subordinateButtons = QHBoxLayout()
        self.subordinateButtons.setObjectName(u"subordinateButtons")
        self.addSubordinate = QPushButton(self.subordinatesTab)
        self.addSubordinate.setObjectName(u"addSubordinate")

        self.subordinateButtons.addWidget(self.addSubordinate)

        self.removeSubordinate = QPushButton(self.subordinatesTab)
        self.removeSubordinate.setObjectName(u"removeSubordinate")

        self.subordinateButtons.addWidget(self.removeSubordinate)

        self.subordinateSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.subordinateButtons.addItem(self.subordinateSpacer)


        self.subordinatesLayout.addLayout(self.subordinateButtons)

        self.tabs.addTab(self.subordinatesTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.error = QLabel(OfficeDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.error)

        self.buttons = QDialogButtonBox(OfficeDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.name)
        self.tierLabel.setBuddy(self.tier)
        self.governmentLabel.setBuddy(self.government)
        self.parentLabel.setBuddy(self.parent)
        self.unitLabel.setBuddy(self.unit)
        self.addressLabel.setBuddy(self.address)
        self.websiteLabel.setBuddy(self.website)
        self.emailLabel.setBuddy(self.email)
        self.phoneLabel.setBuddy(self.phone)
        self.officerNameLabel.setBuddy(self.officerName)
        self.recipientsLabel.setBuddy(self.recipients)
        self.copiesLabel.setBuddy(self.copies)
        self.standardParagraphsLabel.setBuddy(self.standardParagraphs)
        self.attentionLabel.setBuddy(self.attention)
        self.copiesPurposeLabel.setBuddy(self.copiesPurpose)
        self.prefixesLabel.setBuddy(self.prefixes)
        self.recipientEmailsLabel.setBuddy(self.recipientEmails)
        self.copyEmailsLabel.setBuddy(self.copyEmails)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(OfficeDialog)

        QMetaObject.connectSlotsByName(OfficeDialog)
    # setupUi

    def retranslateUi(self, OfficeDialog):
        OfficeDialog.setWindowTitle(_(u"Office profile"))
        self.nameLabel.setText(_(u"Office name:"))
        self.tierLabel.setText(_(u"Tier:"))
        self.governmentLabel.setText(_(u"Government:"))
        self.parentLabel.setText(_(u"Parent ministry or office:"))
        self.unitLabel.setText(_(u"Unit (wing or section):"))
        self.addressLabel.setText(_(u"Address:"))
        self.websiteLabel.setText(_(u"Website:"))
        self.emailLabel.setText(_(u"E-mail:"))
        self.phoneLabel.setText(_(u"Phone:"))
        self.officerNameLabel.setText(_(u"Your name (who made each change, in the history):"))
        self.tabs.setTabText(self.tabs.indexOf(self.officeTab), _(u"Office"))
        self.addSignatory.setText(_(u"Add signatory"))
        self.removeSignatory.setText(_(u"Remove signatory"))
        self.tabs.setTabText(self.tabs.indexOf(self.signatoriesTab), _(u"Signatories"))
        self.recipientsLabel.setText(_(u"Default recipients (one line each):"))
        self.copiesLabel.setText(_(u"Copies to (one line each):"))
        self.standardParagraphsLabel.setText(_(u"Standard paragraphs of a memo (a blank line between two):"))
        self.attentionLabel.setText(_(u"Attention:"))
        self.copiesPurposeLabel.setText(_(u"Purpose of the copies:"))
        self.prefixesLabel.setText(_(u"Memo-number prefixes:"))
        self.addPrefix.setText(_(u"Add prefix"))
        self.removePrefix.setText(_(u"Remove prefix"))
        self.tabs.setTabText(self.tabs.indexOf(self.memoTab), _(u"Memo"))
        self.emailNote.setText(_(u"The e-mail draft of a report is addressed to these. Separate addresses with commas or new lines."))
        self.recipientEmailsLabel.setText(_(u"To (e-mail addresses):"))
        self.copyEmailsLabel.setText(_(u"Cc (e-mail addresses):"))
        self.tabs.setTabText(self.tabs.indexOf(self.emailTab), _(u"E-mail"))
        self.subordinatesNote.setText(_(u"The offices whose reports this office collects (File \u2192 Collect reports of subordinate offices\u2026). A report is matched to its office by the name."))
        self.addSubordinate.setText(_(u"Add office"))
        self.removeSubordinate.setText(_(u"Remove office"))
        self.tabs.setTabText(self.tabs.indexOf(self.subordinatesTab), _(u"Subordinate offices"))
    # retranslateUi

