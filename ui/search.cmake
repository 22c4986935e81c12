# The search page and its offers model.
target_sources(flightdesk_ui PRIVATE
    offersmodel.cpp offersmodel.h
    placecompleter.cpp placecompleter.h
    searchpage.cpp searchpage.h searchpage.ui
    searchquery.cpp searchquery.h
)
