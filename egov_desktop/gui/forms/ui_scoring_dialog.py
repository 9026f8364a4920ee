# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'scoring_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QVBoxLayout, QWidget)
from egov_desktop.core.i18n import _

class Ui_ScoringDialog(object):
    def setupUi(self, ScoringDialog):
        if not ScoringDialog.objectName():
            ScoringDialog.setObjectName(u"ScoringDialog")
        ScoringDialog.resize(640, 320)
        self.mainLayout = QVBoxLayout(ScoringDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(ScoringDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.interpolationLabel = QLabel(ScoringDialog)
        self.interpolationLabel.setObjectName(u"interpolationLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.interpolationLabel)

        self.interpolation = QComboBox(ScoringDialog)
        self.interpolation.setObjectName(u"interpolation")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.interpolation)

        self.notApplicableLabel = QLabel(ScoringDialog)
        self.notApplicableLabel.setObjectName(u"notApplicableLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.notApplicableLabel)

        self.notApplicable = QComboBox(ScoringDialog)
        self.notApplicable.setObjectName(u"notApplicable")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.notApplicable)

        self.quarterlyBasisLabel = QLabel(ScoringDialog)
        self.quarterlyBasisLabel.setObjectName(u"quarterlyBasisLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.quarterlyBasisLabel)

        self.quarterlyBasis = QComboBox(ScoringDialog)
        self.quarterlyBasis.setObjectName(u"quarterlyBasis")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.quarterlyBasis)

        self.percentTotalLabel = QLabel(ScoringDialog)
        self.percentTotalLabel.setObjectName(u"percentTotalLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.percentTotalLabel)

        self.percentTotal = QComboBox(ScoringDialog)
        self.percentTotal.setObjectName(u"percentTotal")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.percentTotal)


        self.mainLayout.addLayout(self.form)

        self.error = QLabel(ScoringDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.error)

        self.buttons = QDialogButtonBox(ScoringDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.interpolationLabel.setBuddy(self.interpolation)
        self.notApplicableLabel.setBuddy(self.notApplicable)
        self.quarterlyBasisLabel.setBuddy(self.quarterlyBasis)
        self.percentTotalLabel.setBuddy(self.percentTotal)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ScoringDialog)

        QMetaObject.connectSlotsByName(ScoringDialog)
    # setupUi

    def retranslateUi(self, ScoringDialog):
        ScoringDialog.setWindowTitle(_(u"How the plan is scored"))
        self.intro.setText(_(u"These rules are not fixed by the guidelines; follow what your upper office uses. They are kept with the plan and go with its exchange file."))
        self.interpolationLabel.setText(_(u"Between two target levels:"))
        self.notApplicableLabel.setText(_(u"A not-applicable indicator's weight:"))
        self.quarterlyBasisLabel.setText(_(u"A quarterly report is scored against:"))
        self.percentTotalLabel.setText(_(u"A percent's total from the quarters:"))
    # retranslateUi

