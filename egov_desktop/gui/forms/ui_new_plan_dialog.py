# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'new_plan_dialog.ui'
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
    QDialogButtonBox, QGridLayout, QLabel, QLineEdit,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QWidget)
from egov_desktop.core.i18n import _

class Ui_NewPlanDialog(object):
    def setupUi(self, NewPlanDialog):
        if not NewPlanDialog.objectName():
            NewPlanDialog.setObjectName(u"NewPlanDialog")
        NewPlanDialog.resize(620, 280)
        self.grid = QGridLayout(NewPlanDialog)
        self.grid.setObjectName(u"grid")
        self.fromTemplate = QRadioButton(NewPlanDialog)
        self.fromTemplate.setObjectName(u"fromTemplate")
        self.fromTemplate.setChecked(True)

        self.grid.addWidget(self.fromTemplate, 0, 0, 1, 1)

        self.template = QComboBox(NewPlanDialog)
        self.template.setObjectName(u"template")

        self.grid.addWidget(self.template, 0, 1, 1, 2)

        self.fromBlank = QRadioButton(NewPlanDialog)
        self.fromBlank.setObjectName(u"fromBlank")

        self.grid.addWidget(self.fromBlank, 1, 0, 1, 1)

        self.kind = QComboBox(NewPlanDialog)
        self.kind.setObjectName(u"kind")

        self.grid.addWidget(self.kind, 1, 1, 1, 2)

        self.fiscalYearLabel = QLabel(NewPlanDialog)
        self.fiscalYearLabel.setObjectName(u"fiscalYearLabel")
        self.fiscalYearLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.grid.addWidget(self.fiscalYearLabel, 2, 0, 1, 1)

        self.fiscalYear = QLineEdit(NewPlanDialog)
        self.fiscalYear.setObjectName(u"fiscalYear")

        self.grid.addWidget(self.fiscalYear, 2, 1, 1, 2)

        self.fromPlan = QRadioButton(NewPlanDialog)
        self.fromPlan.setObjectName(u"fromPlan")

        self.grid.addWidget(self.fromPlan, 3, 0, 1, 1)

        self.plan = QComboBox(NewPlanDialog)
        self.plan.setObjectName(u"plan")

        self.grid.addWidget(self.plan, 3, 1, 1, 2)

        self.fromFile = QRadioButton(NewPlanDialog)
        self.fromFile.setObjectName(u"fromFile")

        self.grid.addWidget(self.fromFile, 4, 0, 1, 1)

        self.file = QLineEdit(NewPlanDialog)
        self.file.setObjectName(u"file")

        self.grid.addWidget(self.file, 4, 1, 1, 1)

        self.browse = QPushButton(NewPlanDialog)
        self.browse.setObjectName(u"browse")

        self.grid.addWidget(self.browse, 4, 2, 1, 1)

        self.error = QLabel(NewPlanDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        self.grid.addWidget(self.error, 5, 0, 1, 3)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.grid.addItem(self.bottomSpacer, 6, 0, 1, 3)

        self.buttons = QDialogButtonBox(NewPlanDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.grid.addWidget(self.buttons, 7, 0, 1, 3)

#if QT_CONFIG(shortcut)
        self.fiscalYearLabel.setBuddy(self.fiscalYear)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(NewPlanDialog)

        QMetaObject.connectSlotsByName(NewPlanDialog)
    # setupUi

    def retranslateUi(self, NewPlanDialog):
        NewPlanDialog.setWindowTitle(_(u"New plan"))
        self.fromTemplate.setText(_(u"From a bundled &template:"))
        self.fromBlank.setText(_(u"A &blank plan:"))
        self.fiscalYearLabel.setText(_(u"for the fiscal &year:"))
        self.fromPlan.setText(_(u"&Copy a plan to its next year:"))
        self.fromFile.setText(_(u"From an exchange &file:"))
        self.browse.setText(_(u"Browse\u2026"))
    # retranslateUi

