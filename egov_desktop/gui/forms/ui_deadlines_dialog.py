# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'deadlines_dialog.ui'
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
    QFormLayout, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)
from egov_desktop.core.i18n import _

class Ui_DeadlinesDialog(object):
    def setupUi(self, DeadlinesDialog):
        if not DeadlinesDialog.objectName():
            DeadlinesDialog.setObjectName(u"DeadlinesDialog")
        DeadlinesDialog.resize(420, 320)
        self.mainLayout = QVBoxLayout(DeadlinesDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summary = QLabel(DeadlinesDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.summary)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")

        self.mainLayout.addLayout(self.form)

        self.error = QLabel(DeadlinesDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.error)

        self.bottom = QHBoxLayout()
        self.bottom.setObjectName(u"bottom")
        self.restoreDefaults = QPushButton(DeadlinesDialog)
        self.restoreDefaults.setObjectName(u"restoreDefaults")

        self.bottom.addWidget(self.restoreDefaults)

        self.buttons = QDialogButtonBox(DeadlinesDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.bottom.addWidget(self.buttons)


        self.mainLayout.addLayout(self.bottom)


        self.retranslateUi(DeadlinesDialog)

        QMetaObject.connectSlotsByName(DeadlinesDialog)
    # setupUi

    def retranslateUi(self, DeadlinesDialog):
        DeadlinesDialog.setWindowTitle(_(u"Report deadlines"))
        self.restoreDefaults.setText(_(u"Restore the usual dates"))
    # retranslateUi

