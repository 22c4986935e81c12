# Windows installer — NOT BUILT OR TESTED HERE (there is no Windows CI; see packaging/README.md).
# Included by cmake/Packaging.cmake when WIN32. Produces an NSIS installer (default) or, with
# `cpack -G WIX`, an MSI, plus a portable ZIP, all from one install tree:
#   bin/flightdesk.exe, bin/flightdesk-sandbox.exe, the Qt DLLs and plugins windeployqt copies
#   next to them (with a qt.conf), the other DLLs they need (libphonenumber, protobuf, qtkeychain,
#   ICU...), and doc/LICENSE.txt.

install(TARGETS flightdesk flightdesk-sandbox
    RUNTIME_DEPENDENCY_SET flightdesk_runtime
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Non-Qt DLLs (vcpkg or MSYS2 builds of libphonenumber, protobuf, qtkeychain): copied from where
# the linker found them; Windows' own DLLs stay out.
install(RUNTIME_DEPENDENCY_SET flightdesk_runtime
    DESTINATION ${CMAKE_INSTALL_BINDIR}
    PRE_EXCLUDE_REGEXES [[api-ms-.*]] [[ext-ms-.*]] [[Qt6.*\.dll]]
    POST_EXCLUDE_REGEXES [[.*[/\\][Ss]ystem32[/\\].*]]
    DIRECTORIES $<TARGET_FILE_DIR:Qt6::Core> ${CMAKE_PREFIX_PATH})
# windeployqt at install time (Qt 6.4's API): Qt DLLs, the platform, SQL-driver, style and TLS
# plugins, translations and qt.conf. Run for the window; the sandbox uses a subset of its Qt.
qt_generate_deploy_app_script(TARGET flightdesk FILENAME_VARIABLE flightdesk_deploy_script)
install(SCRIPT ${flightdesk_deploy_script})
install(FILES ${FLIGHTDESK_PACKAGE_DIR}/LICENSE DESTINATION doc RENAME LICENSE.txt)

# The headless commands print to a console; a WIN32 (GUI-subsystem) exe has none. Keep
# flightdesk.exe a console program until the product decides otherwise (see the README).
set_target_properties(flightdesk PROPERTIES WIN32_EXECUTABLE OFF)

# The icon: packaging/windows/flightdesk.ico is rendered from the SVG on a machine with
# ImageMagick (command in packaging/README.md); the installers use it when it is there.
set(flightdesk_ico ${FLIGHTDESK_PACKAGE_DIR}/windows/flightdesk.ico)

set(CPACK_GENERATOR NSIS ZIP)
set(CPACK_PACKAGE_FILE_NAME "FlightDesk-${PROJECT_VERSION}-windows-x64")
set(CPACK_PACKAGE_EXECUTABLES flightdesk FlightDesk) # Start menu shortcut to the window
set(CPACK_CREATE_DESKTOP_LINKS flightdesk)

# NSIS
set(CPACK_NSIS_DISPLAY_NAME FlightDesk)
set(CPACK_NSIS_PACKAGE_NAME FlightDesk)
set(CPACK_NSIS_URL_INFO_ABOUT ${FLIGHTDESK_HOMEPAGE})
set(CPACK_NSIS_CONTACT "packaging@flightdesk.example")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\flightdesk.exe")
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
if(EXISTS ${flightdesk_ico})
    file(TO_NATIVE_PATH ${flightdesk_ico} flightdesk_ico_native)
    set(CPACK_NSIS_MUI_ICON ${flightdesk_ico_native})
    set(CPACK_NSIS_MUI_UNIICON ${flightdesk_ico_native})
endif()
# The "Demo mode" launcher of the Linux desktop entry, as a second Start menu shortcut.
set(CPACK_NSIS_CREATE_ICONS_EXTRA [=[
    CreateShortCut "$SMPROGRAMS\$STARTMENU_FOLDER\FlightDesk (demo mode).lnk" "$INSTDIR\bin\flightdesk.exe" "--demo"
]=])
set(CPACK_NSIS_DELETE_ICONS_EXTRA [=[
    Delete "$SMPROGRAMS\$START_MENU\FlightDesk (demo mode).lnk"
]=])

# WiX (cpack -G WIX, WiX Toolset 3). The upgrade code identifies the product across versions:
# never change it.
set(CPACK_WIX_UPGRADE_GUID C5AC2CB9-7BE8-4A53-9B0F-063AE38AA28E)
set(CPACK_WIX_PRODUCT_GUID "*")
set(CPACK_WIX_LICENSE_RTF ${FLIGHTDESK_PACKAGE_DIR}/windows/license.rtf)
set(CPACK_WIX_PROGRAM_MENU_FOLDER FlightDesk)
set(CPACK_WIX_PROPERTY_ARPURLINFOABOUT ${FLIGHTDESK_HOMEPAGE})
set(CPACK_WIX_PATCH_FILE ${FLIGHTDESK_PACKAGE_DIR}/windows/wix-demo-shortcut.xml)
if(EXISTS ${flightdesk_ico})
    set(CPACK_WIX_PRODUCT_ICON ${flightdesk_ico})
endif()
