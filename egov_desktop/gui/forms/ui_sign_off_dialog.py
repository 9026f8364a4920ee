# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'sign_off_dialog.ui'
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
    QSpacerItem, QVBoxLayout, QWidget)
from egov_desktop.core.i18n import _

class Ui_SignOffDialog(object):
    def setupUi(self, SignOffDialog):
        if not SignOffDialog.objectName():
            SignOffDialog.setObjectName(u"SignOffDialog")
        SignOffDialog.resize(520, 260)
        self.mainLayout = QVBoxLayout(SignOffDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summary = QLabel(SignOffDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.summary)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.signatoryLabel = QLabel(SignOffDialog)
        self.signatoryLabel.setObjectName(u"signatoryLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.signatoryLabel)

        self.signatory = QComboBox(SignOffDialog)
        self.signatory.setObjectName(u"signatory")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.signatory)


        self.mainLayout.addLayout(self.form)

        self.warning = QLabel(SignOffDialog)
        self.warning.setObjectName(u"warning")
        self.warning.setWordWrap(True)
        self.warning.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.warning)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(SignOffDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.signatoryLabel.setBuddy(self.signatory)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SignOffDialog)

        QMetaObject.connectSlotsByName(SignOffDialog)
    # setupUi

    def retranslateUi(self, SignOffDialog):
        SignOffDialog.setWindowTitle(_(u"Sign off and finalise"))
        self.signatoryLabel.setText(_(u"Signatory:"))
        self.warning.setText(_(u"After sign-off the report is read-only. Reopening it needs a reason and is recorded."))
    # retranslateUi

