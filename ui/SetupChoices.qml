pragma ComponentBehavior: Bound
import QtQuick
import Kiosk
import "components"

// The setup's list: every room of the programme, then the overview. The highlighted row (arrow keys)
// is marked by ▶ and a bold name as well as by its colour; a tap chooses a row at once.
Item {
    id: choices
    required property DeviceSetup setup
    required property real u
    required property real small

    SetupText {
        id: prompt
        objectName: "prompt"
        width: parent.width
        line: choices.setup.prompt
        lines: choices.setup.promptLines
        size: 3.6 * choices.u
    }
    SetupText {
        id: hint
        objectName: "hint"
        anchors.top: prompt.bottom; anchors.topMargin: 0.5 * choices.u
        width: parent.width
        line: choices.setup.hint
        lines: choices.setup.hintLines
        size: choices.small
        color: Theme.muted
    }
    SetupText {
        id: note
        objectName: "note"
        anchors.top: hint.bottom; anchors.topMargin: choices.u
        width: parent.width
        visible: line !== ""
        line: choices.setup.note
        lines: choices.setup.noteLines
        size: choices.small
        color: Theme.warning
    }
    ListView {
        id: list
        objectName: "choiceList"
        anchors.top: note.visible ? note.bottom : hint.bottom
        anchors.topMargin: 2.5 * choices.u
        anchors.bottom: parent.bottom
        width: parent.width
        clip: true
        spacing: 0.8 * choices.u
        boundsBehavior: Flickable.StopAtBounds
        model: choices.setup.choices
        currentIndex: choices.setup.highlighted
        // Keeps the highlighted row in sight when a long list is walked with the arrow keys.
        highlightRangeMode: ListView.ApplyRange
        preferredHighlightBegin: height * 0.2
        preferredHighlightEnd: height * 0.8
        highlightMoveDuration: 0
        // Every row is made, in sight or not (a venue has tens of rooms, not thousands).
        cacheBuffer: 100000
        // A new model (the choices said again, turned) resets the list's current index to its first
        // row, whatever the binding says: bound again, the setup's highlighted row stays in sight.
        onModelChanged: currentIndex = Qt.binding(() => choices.setup.highlighted)

        delegate: Rectangle {
            id: row
            required property string modelData
            required property int index
            readonly property bool lit: index === choices.setup.highlighted
            objectName: "choice"
            width: list.width
            height: Math.max(7 * choices.u, name.implicitHeight + 2 * choices.u)
            radius: choices.u
            color: lit ? Theme.accent : Theme.panel

            Label {
                id: marker
                anchors.left: parent.left; anchors.leftMargin: 2 * choices.u
                anchors.verticalCenter: parent.verticalCenter
                text: "▶"
                size: 3.2 * choices.u
                color: Theme.accentInk
                visible: row.lit
            }
            SetupText {
                id: name
                objectName: "choiceName"
                anchors.left: marker.right; anchors.leftMargin: 1.5 * choices.u
                anchors.right: current.visible ? current.left : parent.right
                anchors.rightMargin: 2 * choices.u
                anchors.verticalCenter: parent.verticalCenter
                line: row.modelData
                lines: choices.setup.choiceLines[row.index] ?? ""
                size: 3.8 * choices.u
                color: row.lit ? Theme.accentInk : Theme.text
                font.weight: row.lit ? Font.Bold : Font.Normal
            }
            Label {
                id: current
                objectName: "currentMark"
                anchors.right: parent.right; anchors.rightMargin: 2 * choices.u
                anchors.verticalCenter: parent.verticalCenter
                visible: row.index === choices.setup.currentChoice
                text: choices.setup.currentLabel
                size: Math.max(2.8 * choices.u, choices.small)
                color: row.lit ? Theme.accentInk : Theme.muted
            }
            TapHandler { onTapped: choices.setup.picked(row.index) }
        }
    }
    // A longer list than the screen: where in it we are, in the margin beside it.
    Rectangle {
        objectName: "scrollBar"
        visible: list.contentHeight > list.height + 1
        x: list.width + 1.5 * choices.u
        y: list.y + list.visibleArea.yPosition * list.height
        width: choices.u
        height: list.visibleArea.heightRatio * list.height
        radius: width / 2
        color: Theme.muted
    }
}
