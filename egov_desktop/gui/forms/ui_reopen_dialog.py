# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reopen_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QLabel, QPlainTextEdit, QSizePolicy, QVBoxLayout,
    QWidget)
from egov_desktop.core.i18n import _

class Ui_ReopenDialog(object):
    def setupUi(self, ReopenDialog):
        if not ReopenDialog.objectName():
            ReopenDialog.setObjectName(u"ReopenDialog")
        ReopenDialog.resize(480, 240)
        self.mainLayout = QVBoxLayout(ReopenDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summary = QLabel(ReopenDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.summary)

        self.reasonLabel = QLabel(ReopenDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.mainLayout.addWidget(self.reasonLabel)

        self.reason = QPlainTextEdit(ReopenDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setTabChangesFocus(True)

        self.mainLayout.addWidget(self.reason)

        self.error = QLabel(ReopenDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.error)

        self.buttons = QDialogButtonBox(ReopenDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.reasonLabel.setBuddy(self.reason)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReopenDialog)

        QMetaObject.connectSlotsByName(ReopenDialog)
    # setupUi

    def retranslateUi(self, ReopenDialog):
        ReopenDialog.setWindowTitle(_(u"Reopen the report"))
        self.reasonLabel.setText(_(u"Reason for reopening (recorded in the audit log):"))
    # retranslateUi

