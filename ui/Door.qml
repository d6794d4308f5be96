pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// The room-door screen: one room, now and next, one page per language crossfading in turn.
// Layout only: every string comes ready from kiosk.present through the DoorSign bridge.
Rectangle {
    id: root
    required property DoorSign door
    color: Theme.ground
    // The session's page as a QR code, for a phone up to 2 m away, in the bottom corner the footer
    // leaves it: modules of 2.9 mm where the panel's size is known, at most a fifth of the screen's
    // short side (kiosk.present.qr); 0 when there is no link.
    readonly property real qrSide: qr?.side ?? 0  // (qr goes first when the screen is taken down)

    Stage {
        rotation: root.door.rotation

        Crossfade {
            id: crossfade
            shown: root.door.languageIndex
            reducedMotion: root.door.reducedMotion
        }
        Repeater {
            model: root.door.emergency ? [] : root.door.pages
            LanguagePage {
                id: slot
                required property DoorPage modelData
                fade: crossfade
                rightToLeft: modelData.rightToLeft
                // A language's page is built when it is first seen (shown, or fading in), then kept: a start
                // builds one page, not one per language (six on a door of UNESCO's six languages), and a
                // switch builds nothing once every language has been shown (a page built at each switch
                // cost the door a fifth more CPU all day). What every page shares (the headline's lines,
                // the notice's, where a delay's printed times go) each page measures in every language
                // itself (`pages`), so a page built later never moves the layout of one built before.
                property bool seen: false
                onVisibleChanged: if (visible) seen = true
                Component.onCompleted: if (visible) seen = true
                Loader {
                    anchors.fill: parent
                    active: slot.visible || slot.seen
                    sourceComponent: DoorPageView {
                        page: slot.modelData
                        pages: root.door.pages
                        qrSide: root.qrSide
                        languageLabels: root.door.languageLabels
                        languageIndex: root.door.languageIndex
                    }
                }
            }
        }
        // Outside the language pages: the same link in every language, so it never fades.
        QrCode {
            id: qr
            objectName: "qr"
            z: 2  // over the language pages, which paint the ground
            visible: root.qrSide > 0
            text: root.door.qrUrl
            largest: Math.round(Math.min(root.width, root.height) * 0.2)
            width: root.qrSide
            height: root.qrSide
            x: parent.width - width - Math.round(Math.min(parent.height, parent.width * 1.3) * 0.04)
            y: parent.height - height - Math.round(Math.min(parent.height, parent.width * 1.3) * 0.024)
        }
        // Over everything, at once: no page, no crossfade. Built only while there is one: its way-out
        // sign would otherwise load Qt's image plugins (SVG among them) into every screen, all day.
        Loader {
            z: 3  // over the pages and the QR code
            anchors.fill: parent
            active: root.door.emergency
            sourceComponent: Emergency {
                headings: root.door.emergencyHeadings
                texts: root.door.emergencyTexts
                rightToLeft: root.door.emergencyRightToLeft
            }
        }
    }
}
