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
