import QtQuick

// Discreet marks in a corner: a rehearsal, a programme problem, a clock the system has not synchronised.
// A word and a symbol, not colour alone.
Row {
    id: marks
    property string programmeError
    property string rehearsal
    property string clockUnsynced
    property real size: 20
    spacing: size

    Rectangle {
        objectName: "rehearsalMark"
        visible: marks.rehearsal !== ""
        width: rehearsalRow.implicitWidth + marks.size
        height: rehearsalRow.implicitHeight + marks.size * 0.4
        radius: height / 4
        color: Theme.accent
        Row {
            id: rehearsalRow
            anchors.centerIn: parent
            spacing: marks.size * 0.4
            Label { text: "▶"; size: marks.size; color: Theme.accentInk }
            Label {
                text: marks.rehearsal
                size: marks.size
                color: Theme.accentInk
                font.bold: true
                font.capitalization: Font.AllUppercase
            }
        }
    }
    Row {
        objectName: "programmeErrorMark"
        visible: marks.programmeError !== ""
        spacing: marks.size * 0.4
        Label { text: "⚠"; size: marks.size; color: Theme.warning }
        Label { text: marks.programmeError; size: marks.size; color: Theme.warning }
    }
    Row {
        objectName: "clockUnsyncedMark"
        visible: marks.clockUnsynced !== ""
        spacing: marks.size * 0.4
        Label { text: "⚠"; size: marks.size; color: Theme.muted }
        Label { text: marks.clockUnsynced; size: marks.size; color: Theme.muted }
    }
}
