import QtQuick

// The floor: a plain rectangle, the least a Qt Quick window can show.
Rectangle {
    color: "#0a2240"
}
