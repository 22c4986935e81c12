# macOS disk image — NOT BUILT OR TESTED HERE (there is no macOS CI; see packaging/README.md).
# Included by cmake/Packaging.cmake when APPLE. `cpack` makes FlightDesk-<version>.dmg with
# FlightDesk.app (macdeployqt'd: Qt frameworks and plugins inside the bundle) and a link to
# /Applications to drag it onto.

set_target_properties(flightdesk PROPERTIES
    MACOSX_BUNDLE ON
    OUTPUT_NAME FlightDesk # the bundle is FlightDesk.app, its executable Contents/MacOS/FlightDesk
    MACOSX_BUNDLE_INFO_PLIST ${FLIGHTDESK_PACKAGE_DIR}/macos/Info.plist.in
    MACOSX_BUNDLE_GUI_IDENTIFIER ${FLIGHTDESK_APP_ID}
    MACOSX_BUNDLE_BUNDLE_NAME FlightDesk
    MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
    MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION}
    MACOSX_BUNDLE_COPYRIGHT "© 2026 The FlightDesk developers (MIT)"
    MACOSX_BUNDLE_ICON_FILE FlightDesk.icns)

# FlightDesk.icns is built from the SVG with rsvg-convert and Apple's iconutil, into the bundle's
# Resources (commands in packaging/README.md).
find_program(FLIGHTDESK_RSVG_CONVERT rsvg-convert)
find_program(FLIGHTDESK_ICONUTIL iconutil)
if(FLIGHTDESK_RSVG_CONVERT AND FLIGHTDESK_ICONUTIL)
    set(iconset ${PROJECT_BINARY_DIR}/packaging/FlightDesk.iconset)
    set(icns ${PROJECT_BINARY_DIR}/packaging/FlightDesk.icns)
    set(svg ${FLIGHTDESK_PACKAGE_DIR}/linux/icons/${FLIGHTDESK_APP_ID}.svg)
    set(render)
    foreach(size 16 32 128 256 512)
        math(EXPR double "${size} * 2")
        list(APPEND render
            COMMAND ${FLIGHTDESK_RSVG_CONVERT} -w ${size} -h ${size}
                    -o ${iconset}/icon_${size}x${size}.png ${svg}
            COMMAND ${FLIGHTDESK_RSVG_CONVERT} -w ${double} -h ${double}
                    -o ${iconset}/icon_${size}x${size}@2x.png ${svg})
    endforeach()
    add_custom_command(OUTPUT ${icns}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${iconset}
        ${render}
        COMMAND ${FLIGHTDESK_ICONUTIL} -c icns -o ${icns} ${iconset}
        DEPENDS ${svg} VERBATIM)
    target_sources(flightdesk PRIVATE ${icns})
    set_source_files_properties(${icns} PROPERTIES MACOSX_PACKAGE_LOCATION Resources)
endif()

install(TARGETS flightdesk BUNDLE DESTINATION .)
# The trainers' sandbox travels inside the bundle, next to the app's executable.
install(TARGETS flightdesk-sandbox RUNTIME DESTINATION FlightDesk.app/Contents/MacOS)
qt_generate_deploy_app_script(TARGET flightdesk FILENAME_VARIABLE flightdesk_deploy_script)
install(SCRIPT ${flightdesk_deploy_script}) # macdeployqt at install time

set(CPACK_GENERATOR DragNDrop)
set(CPACK_PACKAGE_FILE_NAME "FlightDesk-${PROJECT_VERSION}")
set(CPACK_DMG_VOLUME_NAME "FlightDesk ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT UDBZ)
# Signing and notarisation (Developer ID + `xcrun notarytool`) happen after cpack, on the
# release machine: they need the team's certificate, which no repository holds.
