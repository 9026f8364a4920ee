# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'export_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QPushButton, QRadioButton,
    QSizePolicy, QVBoxLayout, QWidget)
from egov_desktop.core.i18n import _

class Ui_ExportDialog(object):
    def setupUi(self, ExportDialog):
        if not ExportDialog.objectName():
            ExportDialog.setObjectName(u"ExportDialog")
        ExportDialog.resize(640, 410)
        self.form = QFormLayout(ExportDialog)
        self.form.setObjectName(u"form")
        self.partsLabel = QLabel(ExportDialog)
        self.partsLabel.setObjectName(u"partsLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.partsLabel)

        self.partsLayout = QVBoxLayout()
        self.partsLayout.setObjectName(u"partsLayout")
        self.memoAndReport = QRadioButton(ExportDialog)
        self.memoAndReport.setObjectName(u"memoAndReport")
        self.memoAndReport.setChecked(True)

        self.partsLayout.addWidget(self.memoAndReport)

        self.reportOnly = QRadioButton(ExportDialog)
        self.reportOnly.setObjectName(u"reportOnly")

        self.partsLayout.addWidget(self.reportOnly)

        self.memoOnly = QRadioButton(ExportDialog)
        self.memoOnly.setObjectName(u"memoOnly")

        self.partsLayout.addWidget(self.memoOnly)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.partsLayout)

        self.plansLabel = QLabel(ExportDialog)
        self.plansLabel.setObjectName(u"plansLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.plansLabel)

        self.plansLayout = QHBoxLayout()
        self.plansLayout.setObjectName(u"plansLayout")
        self.allPlans = QCheckBox(ExportDialog)
        self.allPlans.setObjectName(u"allPlans")

        self.plansLayout.addWidget(self.allPlans)

        self.allPlansMemo = QPushButton(ExportDialog)
        self.allPlansMemo.setObjectName(u"allPlansMemo")
        self.allPlansMemo.setEnabled(False)

        self.plansLayout.addWidget(self.allPlansMemo)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.plansLayout)

        self.fontLabel = QLabel(ExportDialog)
        self.fontLabel.setObjectName(u"fontLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fontLabel)

        self.font = QComboBox(ExportDialog)
        self.font.setObjectName(u"font")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.font)

        self.layoutLabel = QLabel(ExportDialog)
        self.layoutLabel.setObjectName(u"layoutLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.layoutLabel)

        self.layoutOptions = QVBoxLayout()
        self.layoutOptions.setObjectName(u"layoutOptions")
        self.oneLineDate = QCheckBox(ExportDialog)
        self.oneLineDate.setObjectName(u"oneLineDate")

        self.layoutOptions.addWidget(self.oneLineDate)

        self.numberParagraphs = QCheckBox(ExportDialog)
        self.numberParagraphs.setObjectName(u"numberParagraphs")

        self.layoutOptions.addWidget(self.numberParagraphs)

        self.notBySeniority = QCheckBox(ExportDialog)
        self.notBySeniority.setObjectName(u"notBySeniority")

        self.layoutOptions.addWidget(self.notBySeniority)

        self.shortAttention = QCheckBox(ExportDialog)
        self.shortAttention.setObjectName(u"shortAttention")

        self.layoutOptions.addWidget(self.shortAttention)

        self.includeScore = QCheckBox(ExportDialog)
        self.includeScore.setObjectName(u"includeScore")

        self.layoutOptions.addWidget(self.includeScore)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.layoutOptions)

        self.fileLabel = QLabel(ExportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileLayout = QHBoxLayout()
        self.fileLayout.setObjectName(u"fileLayout")
        self.file = QLineEdit(ExportDialog)
        self.file.setObjectName(u"file")

        self.fileLayout.addWidget(self.file)

        self.browse = QPushButton(ExportDialog)
        self.browse.setObjectName(u"browse")

        self.fileLayout.addWidget(self.browse)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.fileLayout)

        self.openAfter = QCheckBox(ExportDialog)
        self.openAfter.setObjectName(u"openAfter")
        self.openAfter.setChecked(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.openAfter)

        self.buttons = QDialogButtonBox(ExportDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.form.setWidget(6, QFormLayout.ItemRole.SpanningRole, self.buttons)

#if QT_CONFIG(shortcut)
        self.fontLabel.setBuddy(self.font)
        self.fileLabel.setBuddy(self.file)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ExportDialog)

        QMetaObject.connectSlotsByName(ExportDialog)
    # setupUi

    def retranslateUi(self, ExportDialog):
        ExportDialog.setWindowTitle(_(u"Word report"))
        self.partsLabel.setText(_(u"Contents:"))
        self.memoAndReport.setText(_(u"Memo and report"))
        self.reportOnly.setText(_(u"Report only"))
        self.memoOnly.setText(_(u"Memo only"))
        self.plansLabel.setText(_(u"Plans:"))
        self.allPlans.setText(_(u"All the plans of the year in one file (annexes 4\u20138)"))
        self.allPlansMemo.setText(_(u"Memo of all plans\u2026"))
        self.fontLabel.setText(_(u"Bangla font:"))
        self.layoutLabel.setText(_(u"Layout:"))
        self.oneLineDate.setText(_(u"Memo date on one line, Gregorian only (10/01/2022 AD)"))
        self.numberParagraphs.setText(_(u"Number the memo's paragraphs from the second on (02., 03.)"))
        self.notBySeniority.setText(_(u"Write \"(not in order of seniority)\" after the copies heading"))
        self.shortAttention.setText(_(u"Attention line in the short form offices use ([Attn: ...])"))
        self.includeScore.setText(_(u"Percent and score columns and the total in the report"))
        self.fileLabel.setText(_(u"Save as:"))
        self.browse.setText(_(u"Browse\u2026"))
        self.openAfter.setText(_(u"Open the file when it is ready"))
    # retranslateUi

