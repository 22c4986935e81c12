# cmake -DQT_HEADERS=<Qt include root> -DWORK=<scratch dir> -P LintLayeringSelfTest.cmake
#
# Shows the layering check catches what it is for: a small fake tree that keeps the rules
# passes; the same tree with one violation of each kind fails, naming every one of them.
cmake_minimum_required(VERSION 3.25)

function(put path)
    string(JOIN "\n" text ${ARGN})
    file(WRITE "${tree}/${path}" "${text}\n")
endfunction()

function(check expect_ok links)
    file(WRITE "${WORK}/links.txt" "${links}")
    execute_process(
        COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${tree} -DQT_HEADERS=${QT_HEADERS}
                -DLINKS=${WORK}/links.txt -P ${CMAKE_CURRENT_LIST_DIR}/LintLayering.cmake
        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
    if(expect_ok AND NOT rc EQUAL 0)
        message(FATAL_ERROR "a tree that keeps the rules failed:\n${out}")
    elseif(NOT expect_ok AND rc EQUAL 0)
        message(FATAL_ERROR "a tree that breaks the rules passed:\n${out}")
    endif()
    set(out "${out}" PARENT_SCOPE)
endfunction()

set(tree "${WORK}/tree")
file(REMOVE_RECURSE "${WORK}")

# A tree that keeps the rules.
put(app/core/result.h "#include <QString>" "#include <variant>")
put(app/core/offer.h "#include \"result.h\"" "#include <QtCore/QJsonObject>" "#include <optional>")
put(app/core/flow.cpp "#include \"core/offer.h\"" "#include <QStateMachine>"
    "#include <phonenumbers/phonenumberutil.h>")
put(app/net/server.h "#include \"core/result.h\"" "#include <QTcpServer>")
put(app/storage/journal.h "#include \"core/offer.h\"" "#include <QSqlDatabase>")
put(app/api/gateway.h "#include \"storage/journal.h\"" "#include \"net/server.h\"")
put(app/desk/desk.h "#include \"core/offer.h\"")
put(app/desk/session.h "#include \"desk.h\"" "#include \"api/gateway.h\"")
put(app/cli/cli.h "#include \"desk/session.h\"")
put(ui/mainwindow.h "#include \"desk/desk.h\"" "#include \"core/offer.h\"" "#include <QWidget>")
put(ui/mainwindow.cpp "#include \"mainwindow.h\"" "#include \"ui_mainwindow.h\"")
put(app/main.cpp "#include \"cli/cli.h\"" "#include \"mainwindow.h\"" "#include <QApplication>")
set(good_links "flightdesk_core|flightdesk_options,Qt6::Core\nflightdesk_api|flightdesk_core,flightdesk_storage\nflightdesk_ui|flightdesk_desk,Qt6::Widgets\n")
check(TRUE "${good_links}")

# One violation of each kind.
put(app/core/bad.cpp
    "#include <QWidget>" "#include <QNetworkAccessManager>" "#include <QMouseEventTransition>"
    "#include <boost/optional.hpp>" "#include <unistd.h>" "#include \"storage/journal.h\""
    "#include \"missing.h\"")
put(app/storage/bad.cpp "#include \"api/gateway.h\"")
put(app/net/bad.cpp "#include <QPushButton>")
put(app/api/bad.cpp "#include \"mainwindow.h\"")
put(app/plugins/plugin.h "#include \"core/offer.h\"")
put(ui/bad.cpp "#include \"cli/cli.h\"" "#include \"api/gateway.h\"" "#include \"desk/session.h\"")
check(FALSE "${good_links}flightdesk_core|flightdesk_options,flightdesk_storage\nflightdesk_plugins|flightdesk_core\nflightdesk_ui|flightdesk_desk,flightdesk_api\n")

set(expected
    "app/core/bad.cpp: #include <QWidget>: QtWidgets belongs to ui/ alone"
    "app/core/bad.cpp: #include <QNetworkAccessManager>: app/core uses Qt Core only, not QtNetwork"
    "app/core/bad.cpp: #include <QMouseEventTransition>: a widget-event transition"
    "app/core/bad.cpp: #include <boost/optional.hpp>: app/core uses Qt Core and the standard library only"
    "app/core/bad.cpp: #include <unistd.h>: app/core uses Qt Core and the standard library only"
    "app/core/bad.cpp: #include \"storage/journal.h\": app/core includes only its own headers"
    "app/core/bad.cpp: #include \"missing.h\": no such file"
    "app/storage/bad.cpp: #include \"api/gateway.h\": storage is below api"
    "app/net/bad.cpp: #include <QPushButton>: QtWidgets belongs to ui/ alone"
    "app/api/bad.cpp: #include \"mainwindow.h\": nothing under app/ includes ui/"
    "app/plugins/: a folder with no place in FLIGHTDESK_LAYERS"
    "ui/bad.cpp: #include \"cli/cli.h\": ui/ may include from app/ only FLIGHTDESK_UI_MAY_INCLUDE"
    "ui/bad.cpp: #include \"api/gateway.h\": ui/ may include from app/ only FLIGHTDESK_UI_MAY_INCLUDE"
    "ui/bad.cpp: #include \"desk/session.h\": ui/ reaches it only through the desk interfaces"
    "target flightdesk_core links flightdesk_storage, a layer above it"
    "target flightdesk_plugins: a layer with no place in FLIGHTDESK_LAYERS"
    "target flightdesk_ui links flightdesk_api: it may link only core, desk"
    "layering: 17 violation(s)") # and nothing else
foreach(text IN LISTS expected)
    string(FIND "${out}" "${text}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "not reported: ${text}\nthe check said:\n${out}")
    endif()
endforeach()
list(LENGTH expected n)
math(EXPR n "${n} - 1") # the count line
message(STATUS "layering self-test: a clean tree passes, and all ${n} planted violations are reported")
