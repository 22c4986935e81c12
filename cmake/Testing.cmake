# flightdesk_add_test(NAME name SOURCES ... LABEL unit|integration|gui|packaging [LIBS ...])
# One QTest executable per unit, on the offscreen platform, with tests/data known to it.
function(flightdesk_add_test)
    cmake_parse_arguments(T "" "NAME;LABEL;TIMEOUT" "SOURCES;LIBS" ${ARGN})
    qt_add_executable(${T_NAME} ${T_SOURCES})
    target_link_libraries(${T_NAME} PRIVATE flightdesk_options Qt6::Test ${T_LIBS})
    target_compile_definitions(${T_NAME} PRIVATE
        FLIGHTDESK_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data"
        FLIGHTDESK_BINARY="$<TARGET_FILE:flightdesk>")
    set_target_properties(${T_NAME} PROPERTIES MACOSX_BUNDLE OFF)
    add_test(NAME ${T_NAME} COMMAND ${T_NAME})
    if(NOT T_TIMEOUT)
        set(T_TIMEOUT 120)
    endif()
    set_tests_properties(${T_NAME} PROPERTIES
        LABELS "${T_LABEL}" TIMEOUT ${T_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8")
endfunction()

# flightdesk_add_postgres_run(NAME): the test NAME once more as NAME_postgres, with
# FLIGHTDESK_TEST_JOURNAL=postgres (tests/support/testjournal.h: its journals are fresh
# databases on one private PostgreSQL server), the same environment and timeout, and its labels
# plus `postgres` (`ctest -L postgres`). Call it in the directory that added NAME.
function(flightdesk_add_postgres_run NAME)
    get_test_property(${NAME} LABELS labels)
    get_test_property(${NAME} TIMEOUT timeout)
    get_test_property(${NAME} ENVIRONMENT environment)
    get_test_property(${NAME} RUN_SERIAL serial)
    add_test(NAME ${NAME}_postgres COMMAND ${NAME})
    set_tests_properties(${NAME}_postgres PROPERTIES
        LABELS "${labels};postgres" TIMEOUT ${timeout}
        ENVIRONMENT "${environment};FLIGHTDESK_TEST_JOURNAL=postgres")
    if(serial)
        set_tests_properties(${NAME}_postgres PROPERTIES RUN_SERIAL ${serial})
    endif()
endfunction()
