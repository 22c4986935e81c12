# The orders history page and the settings dialog.
target_sources(flightdesk_ui PRIVATE
    ordersmodel.cpp ordersmodel.h
    orderspage.cpp orderspage.h orderspage.ui orderspagebooking.cpp
    canceldialog.cpp canceldialog.h canceldialog.ui
    contactdialog.cpp contactdialog.h contactdialog.ui
    settingsdialog.cpp settingsdialog.h settingsdialog.ui)
