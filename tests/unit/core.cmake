flightdesk_add_test(NAME tst_money SOURCES tst_money.cpp LABEL unit LIBS flightdesk_core)
