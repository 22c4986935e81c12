# The orders history page and the settings dialog.
target_sources(flightdesk_ui PRIVATE
    ordersmodel.cpp ordersmodel.h
    orderspage.cpp orderspage.h orderspage.ui
    settingsdialog.cpp settingsdialog.h settingsdialog.ui)
