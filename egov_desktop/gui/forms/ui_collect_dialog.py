# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'collect_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget)
from egov_desktop.core.i18n import _

class Ui_CollectDialog(object):
    def setupUi(self, CollectDialog):
        if not CollectDialog.objectName():
            CollectDialog.setObjectName(u"CollectDialog")
        CollectDialog.resize(900, 560)
        self.mainLayout = QVBoxLayout(CollectDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.note = QLabel(CollectDialog)
        self.note.setObjectName(u"note")
        self.note.setWordWrap(True)

        self.mainLayout.addWidget(self.note)

        self.chooseRow = QHBoxLayout()
        self.chooseRow.setObjectName(u"chooseRow")
        self.chooseFiles = QPushButton(CollectDialog)
        self.chooseFiles.setObjectName(u"chooseFiles")

        self.chooseRow.addWidget(self.chooseFiles)

        self.chooseSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.chooseRow.addItem(self.chooseSpacer)


        self.mainLayout.addLayout(self.chooseRow)

        self.resultsLabel = QLabel(CollectDialog)
        self.resultsLabel.setObjectName(u"resultsLabel")

        self.mainLayout.addWidget(self.resultsLabel)

        self.results = QTableWidget(CollectDialog)
        self.results.setObjectName(u"results")
        self.results.setColumnCount(6)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setWordWrap(True)
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.results)

        self.collectedLabel = QLabel(CollectDialog)
        self.collectedLabel.setObjectName(u"collectedLabel")

        self.mainLayout.addWidget(self.collectedLabel)

        self.collected = QTableWidget(CollectDialog)
        self.collected.setObjectName(u"collected")
        self.collected.setColumnCount(6)
        self.collected.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.collected.horizontalHeader().setStretchLastSection(True)
        self.collected.verticalHeader().setVisible(False)

        self.mainLayout.addWidget(self.collected)

        self.buttons = QDialogButtonBox(CollectDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.resultsLabel.setBuddy(self.results)
        self.collectedLabel.setBuddy(self.collected)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CollectDialog)

        QMetaObject.connectSlotsByName(CollectDialog)
    # setupUi

    def retranslateUi(self, CollectDialog):
        CollectDialog.setWindowTitle(_(u"Collect reports of subordinate offices"))
        self.note.setText(_(u"Choose the reports the subordinate offices sent: Word (.docx) or Excel (.xlsx) files made by this program or not, exchange files (.json) or submission packages (.zip). Each is filed under its office; a report is replaced only when you agree."))
        self.chooseFiles.setText(_(u"&Choose files\u2026"))
        self.resultsLabel.setText(_(u"Files read:"))
        self.collectedLabel.setText(_(u"Reports collected for this plan and fiscal year:"))
    # retranslateUi

