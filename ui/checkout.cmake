# The checkout tab: the engine behind the checkout page, processing and outcome panels.
target_sources(flightdesk_ui PRIVATE checkouttab.cpp checkouttab.h checkouttab.ui
    messagebox.cpp messagebox.h
    savetravellersdialog.cpp savetravellersdialog.h savetravellersdialog.ui)
