# The `layering` lint test: which folder may include which, and which target may link which
# (the rules: cmake/LayeringRules.cmake; the check: cmake/LintLayering.cmake), with a self-test
# that shows it catches each kind of violation in a small fake tree.
include(${CMAKE_CURRENT_LIST_DIR}/LayeringRules.cmake)
set(FLIGHTDESK_LINKS_FILE ${CMAKE_BINARY_DIR}/layering-links.txt)
# The folder holding QtCore/, QtWidgets/, …: the check finds each <QHeader>'s module there.
get_target_property(qt_core_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
foreach(dir IN LISTS qt_core_includes)
    if(dir MATCHES "^(.*)/QtCore$")
        set(FLIGHTDESK_QT_HEADERS ${CMAKE_MATCH_1})
    endif()
endforeach()

# Every target defined under `dir`, its subdirectories included.
function(flightdesk_targets_under dir out)
    get_property(targets DIRECTORY ${dir} PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirs DIRECTORY ${dir} PROPERTY SUBDIRECTORIES)
    foreach(sub IN LISTS subdirs)
        flightdesk_targets_under(${sub} more)
        list(APPEND targets ${more})
    endforeach()
    set(${out} ${targets} PARENT_SCOPE)
endfunction()

# Called last (cmake/Lint.cmake), once every target exists: writes what each flightdesk_<name>
# library links, `target|linked,linked,…`, for the test to judge (a library whose name is no
# layer fails it too).
function(flightdesk_record_links)
    flightdesk_targets_under(${PROJECT_SOURCE_DIR} targets)
    set(text "")
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        if(NOT target MATCHES "^flightdesk_[a-z]+$" OR target STREQUAL "flightdesk_options"
           OR NOT type MATCHES "LIBRARY$")
            continue()
        endif()
        get_target_property(linked ${target} LINK_LIBRARIES)
        set(names "")
        foreach(item IN LISTS linked)
            # Targets linked from another directory carry a `::@<dir-id>` suffix.
            string(REGEX REPLACE "::@.*$" "" item "${item}")
            list(APPEND names "${item}")
        endforeach()
        list(JOIN names "," names)
        string(APPEND text "${target}|${names}\n")
    endforeach()
    file(CONFIGURE OUTPUT ${FLIGHTDESK_LINKS_FILE} CONTENT "${text}")
endfunction()

add_test(NAME layering
    COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DQT_HEADERS=${FLIGHTDESK_QT_HEADERS}
            -DLINKS=${FLIGHTDESK_LINKS_FILE} -P ${PROJECT_SOURCE_DIR}/cmake/LintLayering.cmake)
add_test(NAME layering_selftest
    COMMAND ${CMAKE_COMMAND} -DQT_HEADERS=${FLIGHTDESK_QT_HEADERS}
            -DWORK=${CMAKE_BINARY_DIR}/layering-selftest
            -P ${PROJECT_SOURCE_DIR}/cmake/LintLayeringSelfTest.cmake)
set_tests_properties(layering layering_selftest PROPERTIES LABELS lint TIMEOUT 120)
