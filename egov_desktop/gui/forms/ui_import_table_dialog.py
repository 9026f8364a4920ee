# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_table_dialog.ui'
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
    QDialogButtonBox, QFormLayout, QHeaderView, QLabel,
    QLineEdit, QListView, QSizePolicy, QSplitter,
    QTableView, QVBoxLayout, QWidget)
from egov_desktop.core.i18n import _

class Ui_ImportTableDialog(object):
    def setupUi(self, ImportTableDialog):
        if not ImportTableDialog.objectName():
            ImportTableDialog.setObjectName(u"ImportTableDialog")
        ImportTableDialog.resize(1100, 720)
        self.mainLayout = QVBoxLayout(ImportTableDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(ImportTableDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.source = QLabel(ImportTableDialog)
        self.source.setObjectName(u"source")
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.source)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.tableLabel = QLabel(ImportTableDialog)
        self.tableLabel.setObjectName(u"tableLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.tableLabel)

        self.table = QComboBox(ImportTableDialog)
        self.table.setObjectName(u"table")

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.table)

        self.kindLabel = QLabel(ImportTableDialog)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kind = QComboBox(ImportTableDialog)
        self.kind.setObjectName(u"kind")

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind)

        self.fiscalYearLabel = QLabel(ImportTableDialog)
        self.fiscalYearLabel.setObjectName(u"fiscalYearLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.fiscalYearLabel)

        self.fiscalYear = QLineEdit(ImportTableDialog)
        self.fiscalYear.setObjectName(u"fiscalYear")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.fiscalYear)

        self.officeLabel = QLabel(ImportTableDialog)
        self.officeLabel.setObjectName(u"officeLabel")

        self.fields.setWidget(3, QFormLayout.ItemRole.LabelRole, self.officeLabel)

        self.office = QLineEdit(ImportTableDialog)
        self.office.setObjectName(u"office")

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.office)


        self.mainLayout.addLayout(self.fields)

        self.splitter = QSplitter(ImportTableDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Vertical)
        self.columnsBox = QWidget(self.splitter)
        self.columnsBox.setObjectName(u"columnsBox")
        self.columnsLayout = QVBoxLayout(self.columnsBox)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.columnsLayout.setContentsMargins(0, 0, 0, 0)
        self.columnsLabel = QLabel(self.columnsBox)
        self.columnsLabel.setObjectName(u"columnsLabel")

        self.columnsLayout.addWidget(self.columnsLabel)

        self.columns = QTableView(self.columnsBox)
        self.columns.setObjectName(u"columns")

        self.columnsLayout.addWidget(self.columns)

        self.splitter.addWidget(self.columnsBox)
        self.rowsBox = QWidget(self.splitter)
        self.rowsBox.setObjectName(u"rowsBox")
        self.rowsLayout = QVBoxLayout(self.rowsBox)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowsLayout.setContentsMargins(0, 0, 0, 0)
        self.rowsLabel = QLabel(self.rowsBox)
        self.rowsLabel.setObjectName(u"rowsLabel")

        self.rowsLayout.addWidget(self.rowsLabel)

        self.rows = QTableView(self.rowsBox)
        self.rows.setObjectName(u"rows")

        self.rowsLayout.addWidget(self.rows)

        self.splitter.addWidget(self.rowsBox)
        self.findingsBox = QWidget(self.splitter)
        self.findingsBox.setObjectName(u"findingsBox")
        self.findingsLayout = QVBoxLayout(self.findingsBox)
        self.findingsLayout.setObjectName(u"findingsLayout")
        self.findingsLayout.setContentsMargins(0, 0, 0, 0)
        self.findingsLabel = QLabel(self.findingsBox)
        self.findingsLabel.setObjectName(u"findingsLabel")

        self.findingsLayout.addWidget(self.findingsLabel)

        self.findings = QListView(self.findingsBox)
        self.findings.setObjectName(u"findings")

        self.findingsLayout.addWidget(self.findings)

        self.splitter.addWidget(self.findingsBox)

        self.mainLayout.addWidget(self.splitter)

        self.error = QLabel(ImportTableDialog)
        self.error.setObjectName(u"error")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.error)

        self.buttons = QDialogButtonBox(ImportTableDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.tableLabel.setBuddy(self.table)
        self.kindLabel.setBuddy(self.kind)
        self.fiscalYearLabel.setBuddy(self.fiscalYear)
        self.officeLabel.setBuddy(self.office)
        self.columnsLabel.setBuddy(self.columns)
        self.rowsLabel.setBuddy(self.rows)
        self.findingsLabel.setBuddy(self.findings)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportTableDialog)

        QMetaObject.connectSlotsByName(ImportTableDialog)
    # setupUi

    def retranslateUi(self, ImportTableDialog):
        ImportTableDialog.setWindowTitle(_(u"Import from Word or Excel"))
        self.intro.setText(_(u"Check what each column was read as and correct it where it is wrong; the rows below show the plan as it will be imported, with what was found in each. Nothing is saved before OK."))
        self.tableLabel.setText(_(u"&Table:"))
        self.kindLabel.setText(_(u"&Plan:"))
        self.fiscalYearLabel.setText(_(u"&Fiscal year:"))
        self.officeLabel.setText(_(u"&Office:"))
        self.columnsLabel.setText(_(u"&Columns as recognised:"))
        self.rowsLabel.setText(_(u"&Rows as they will be imported:"))
        self.findingsLabel.setText(_(u"What was &found:"))
    # retranslateUi

