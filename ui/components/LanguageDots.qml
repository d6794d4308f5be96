pragma ComponentBehavior: Bound
import QtQuick

// Which language is showing: FR · EN with the current one bold and underlined (not colour alone).
Row {
    id: dots
    property list<string> labels
    property int current: 0
    property real size: 20
    spacing: size * 0.6
    Repeater {
        model: dots.labels
        Label {
            required property string modelData
            required property int index
            text: modelData
            size: dots.size
            color: index === dots.current ? Theme.text : Theme.muted
            font.bold: index === dots.current
            font.underline: index === dots.current
        }
    }
}
