# Which folder may use which: the one place the layering rules live. Read by the `layering`
# lint test (cmake/LintLayering.cmake, over the sources) and by flightdesk_record_links()
# (cmake/Layering.cmake, over the CMake targets). README's folder map says the same in words.

# The layers, lowest first, as the targets link today (flightdesk_<layer>). A folder may use
# its own layer and the ones before it, never one after it. app/main.cpp is the program and
# sits above them all. desk is the application layer: the small interfaces the window and the
# commands use (app/desk/desk.h and its siblings), and the Session that wires the layers below
# behind them.
set(FLIGHTDESK_LAYERS core net storage api sandbox desk cli ui)

# app/core: Qt Core only. Qt headers must come from these modules (QtStateMachine holds the
# checkout flow's QStateMachine; its two widget-event transitions are banned below).
set(FLIGHTDESK_CORE_QT_MODULES QtCore QtStateMachine)
set(FLIGHTDESK_CORE_BANNED_HEADERS QKeyEventTransition QMouseEventTransition)
# Besides Qt Core and the standard library, the only outside headers app/core may include
# (a prefix ending in / is a folder): libphonenumber for the phone-number rule.
set(FLIGHTDESK_CORE_THIRD_PARTY phonenumbers/)

# What ui/ may include from app/: the desk interfaces and core's values, the way Bitcoin Core's
# GUI reaches the node only through src/interfaces/ (issue 10, item 1). core/checkoutflow.h is
# no value type, but CheckoutFlow is the engine object the desk hands out and the checkout tab
# observes, so core/ stays whole here; what in it or in desk/ is not for the window is listed
# next. A prefix ending in / is a whole folder, anything else one header.
set(FLIGHTDESK_UI_MAY_INCLUDE
    core/
    desk/)
# ...except these: the Session the interfaces hide (tests look behind them through it), and the
# seams the desk layer wires for the checkout engine (its journal and scheduler interfaces, its
# private part) or that read files.
set(FLIGHTDESK_UI_MAY_NOT_INCLUDE
    desk/session.h
    desk/providerlink.h
    desk/providerlinks.h
    core/checkoutflow_p.h
    core/checkoutjournal.h
    core/scheduler.h
    core/boundedfile.h)
# The flightdesk_<layer> libraries flightdesk_ui may link: the desk layer and core, no other.
set(FLIGHTDESK_UI_MAY_LINK core desk)

# Widgets and GUI Qt modules belong to ui/ (and the program's main.cpp) alone.
set(FLIGHTDESK_UI_ONLY_QT_MODULES QtGui QtWidgets QtPrintSupport)
