pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// The PIN gate: what to do, a dot per digit typed (never the digits), a wrong-PIN message, and an
// on-screen keypad for touch screens. The keypad sits beside the words on landscape screens.
Item {
    id: gate
    required property DeviceSetup setup
    required property real u
    required property real small
    readonly property bool portrait: height > width * 1.2

    component KeypadButton: Rectangle {
        id: key
        property string symbol
        property color ink: Theme.text
        signal tapped()
        width: 10 * gate.u
        height: 10 * gate.u
        radius: gate.u
        color: Theme.panel
        border.color: Theme.line
        border.width: Math.max(2, gate.u * 0.25)
        Label {
            anchors.centerIn: parent
            text: key.symbol
            color: key.ink
            size: 4.5 * gate.u
            font.weight: Font.DemiBold
        }
        TapHandler { onTapped: key.tapped() }
    }

    Column {
        id: words
        spacing: 2 * gate.u
        width: gate.portrait ? gate.width : gate.width - keypad.width - 6 * gate.u
        // Level with the keypad's top, so that the wrong-PIN message moves nothing when it comes.
        y: gate.portrait ? 0 : keypad.y

        SetupText {
            objectName: "pinPrompt"
            width: parent.width
            line: gate.setup.prompt
            lines: gate.setup.promptLines
            size: 4.5 * gate.u
            font.weight: Font.Bold
        }
        SetupText {
            objectName: "pinHint"
            width: parent.width
            line: gate.setup.hint
            lines: gate.setup.hintLines
            size: Math.max(3 * gate.u, gate.small)
            color: Theme.muted
        }
        Rectangle {
            objectName: "pinBox"
            width: keypad.width
            height: 9 * gate.u
            radius: gate.u
            color: Theme.panel
            border.color: Theme.line
            border.width: Math.max(2, gate.u * 0.25)
            Row {
                anchors.centerIn: parent
                spacing: 1.5 * gate.u
                Repeater {
                    model: gate.setup.pinDigits
                    Rectangle {
                        objectName: "pinDot"
                        width: 2.6 * gate.u
                        height: width
                        radius: width / 2
                        color: Theme.text
                    }
                }
            }
        }
        SetupText {
            objectName: "pinMessage"
            width: parent.width
            visible: line !== ""
            line: gate.setup.pinMessage
            lines: gate.setup.pinMessageLines
            size: 3.2 * gate.u
            color: Theme.warning
            font.weight: Font.DemiBold
        }
    }

    Grid {
        id: keypad
        objectName: "keypad"
        columns: 3
        spacing: 1.5 * gate.u
        x: gate.portrait ? 0 : gate.width - width
        y: gate.portrait ? words.height + 5 * gate.u : (gate.height - height) / 2

        Repeater {
            model: [1, 2, 3, 4, 5, 6, 7, 8, 9]
            KeypadButton {
                required property int modelData
                objectName: "digit" + modelData
                symbol: modelData
                onTapped: gate.setup.digitTyped(modelData)
            }
        }
        KeypadButton { objectName: "erase"; symbol: "⌫"; onTapped: gate.setup.erased() }
        KeypadButton { objectName: "digit0"; symbol: "0"; onTapped: gate.setup.digitTyped(0) }
        KeypadButton { objectName: "enter"; symbol: "✓"; color: Theme.accent; ink: Theme.accentInk; onTapped: gate.setup.pinEntered() }
    }
}
