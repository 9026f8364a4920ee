# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'memo_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QVBoxLayout, QWidget)
from egov_desktop.core.i18n import _

class Ui_MemoDialog(object):
    def setupUi(self, MemoDialog):
        if not MemoDialog.objectName():
            MemoDialog.setObjectName(u"MemoDialog")
        MemoDialog.resize(780, 640)
        self.mainLayout = QVBoxLayout(MemoDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summary = QLabel(MemoDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.summary)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.numberLabel = QLabel(MemoDialog)
        self.numberLabel.setObjectName(u"numberLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.numberLabel)

        self.numberLayout = QHBoxLayout()
        self.numberLayout.setObjectName(u"numberLayout")
        self.number = QLineEdit(MemoDialog)
        self.number.setObjectName(u"number")

        self.numberLayout.addWidget(self.number)

        self.file = QComboBox(MemoDialog)
        self.file.setObjectName(u"file")

        self.numberLayout.addWidget(self.file)

        self.nextNumber = QPushButton(MemoDialog)
        self.nextNumber.setObjectName(u"nextNumber")

        self.numberLayout.addWidget(self.nextNumber)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.numberLayout)

        self.dateLabel = QLabel(MemoDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.date = QLineEdit(MemoDialog)
        self.date.setObjectName(u"date")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.date)

        self.subjectLabel = QLabel(MemoDialog)
        self.subjectLabel.setObjectName(u"subjectLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.subjectLabel)

        self.subject = QLineEdit(MemoDialog)
        self.subject.setObjectName(u"subject")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.subject)

        self.referenceLabel = QLabel(MemoDialog)
        self.referenceLabel.setObjectName(u"referenceLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.referenceLabel)

        self.reference = QLineEdit(MemoDialog)
        self.reference.setObjectName(u"reference")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.reference)

        self.bodyLabel = QLabel(MemoDialog)
        self.bodyLabel.setObjectName(u"bodyLabel")
        self.bodyLabel.setWordWrap(True)

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.bodyLabel)

        self.body = QPlainTextEdit(MemoDialog)
        self.body.setObjectName(u"body")
        self.body.setTabChangesFocus(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.body)

        self.attachmentLabel = QLabel(MemoDialog)
        self.attachmentLabel.setObjectName(u"attachmentLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.attachmentLabel)

        self.attachment = QLineEdit(MemoDialog)
        self.attachment.setObjectName(u"attachment")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.attachment)

        self.signatoryLabel = QLabel(MemoDialog)
        self.signatoryLabel.setObjectName(u"signatoryLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.signatoryLabel)

        self.signatory = QComboBox(MemoDialog)
        self.signatory.setObjectName(u"signatory")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.signatory)

        self.recipientLabel = QLabel(MemoDialog)
        self.recipientLabel.setObjectName(u"recipientLabel")
        self.recipientLabel.setWordWrap(True)

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.recipientLabel)

        self.recipient = QPlainTextEdit(MemoDialog)
        self.recipient.setObjectName(u"recipient")
        self.recipient.setTabChangesFocus(True)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.recipient)

        self.attentionLabel = QLabel(MemoDialog)
        self.attentionLabel.setObjectName(u"attentionLabel")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.attentionLabel)

        self.attention = QLineEdit(MemoDialog)
        self.attention.setObjectName(u"attention")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.attention)

        self.copiesLabel = QLabel(MemoDialog)
        self.copiesLabel.setObjectName(u"copiesLabel")
        self.copiesLabel.setWordWrap(True)

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.copiesLabel)

        self.copies = QPlainTextEdit(MemoDialog)
        self.copies.setObjectName(u"copies")
        self.copies.setTabChangesFocus(True)

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.copies)

        self.copiesPurposeLabel = QLabel(MemoDialog)
        self.copiesPurposeLabel.setObjectName(u"copiesPurposeLabel")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.copiesPurposeLabel)

        self.copiesPurpose = QLineEdit(MemoDialog)
        self.copiesPurpose.setObjectName(u"copiesPurpose")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.copiesPurpose)


        self.mainLayout.addLayout(self.form)

        self.error = QLabel(MemoDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.error)

        self.buttons = QDialogButtonBox(MemoDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.numberLabel.setBuddy(self.number)
        self.dateLabel.setBuddy(self.date)
        self.subjectLabel.setBuddy(self.subject)
        self.referenceLabel.setBuddy(self.reference)
        self.bodyLabel.setBuddy(self.body)
        self.attachmentLabel.setBuddy(self.attachment)
        self.signatoryLabel.setBuddy(self.signatory)
        self.recipientLabel.setBuddy(self.recipient)
        self.attentionLabel.setBuddy(self.attention)
        self.copiesLabel.setBuddy(self.copies)
        self.copiesPurposeLabel.setBuddy(self.copiesPurpose)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemoDialog)

        QMetaObject.connectSlotsByName(MemoDialog)
    # setupUi

    def retranslateUi(self, MemoDialog):
        MemoDialog.setWindowTitle(_(u"Forwarding memo"))
        self.numberLabel.setText(_(u"Memo number:"))
        self.nextNumber.setText(_(u"Next number of the file"))
        self.dateLabel.setText(_(u"Date:"))
        self.subjectLabel.setText(_(u"Subject:"))
        self.referenceLabel.setText(_(u"Reference:"))
        self.bodyLabel.setText(_(u"Body (a blank line between paragraphs):"))
        self.attachmentLabel.setText(_(u"Attachment:"))
        self.signatoryLabel.setText(_(u"Signatory:"))
        self.recipientLabel.setText(_(u"Recipients (one line each):"))
        self.attentionLabel.setText(_(u"Attention:"))
        self.copiesLabel.setText(_(u"Copies to (one line each):"))
        self.copiesPurposeLabel.setText(_(u"Purpose of the copies:"))
    # retranslateUi

