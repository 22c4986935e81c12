# One INTERFACE target carries every flag and define; every target links it.
add_library(flightdesk_options INTERFACE)
target_compile_features(flightdesk_options INTERFACE cxx_std_20)
target_compile_options(flightdesk_options INTERFACE
    -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
    -Wsuggest-override -Wshadow -Wcast-qual)
target_compile_definitions(flightdesk_options INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_KEYWORDS QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_NO_CAST_FROM_BYTEARRAY QT_STRICT_ITERATORS QT_NO_URL_CAST_FROM_STRING QT_NO_FOREACH
    FLIGHTDESK_VERSION="${PROJECT_VERSION}")

# Full RELRO: the dynamic relocations are resolved at start and made read-only.
target_link_options(flightdesk_options INTERFACE -Wl,-z,relro,-z,now)

option(FLIGHTDESK_SANITIZE "Build with address and undefined-behaviour sanitizers" OFF)
if(FLIGHTDESK_SANITIZE)
    target_compile_options(flightdesk_options INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(flightdesk_options INTERFACE -fsanitize=address,undefined)
endif()
