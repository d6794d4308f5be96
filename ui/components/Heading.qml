import QtQuick

// A heading over a column or a list ("SALLE", "EN CE MOMENT", "PROGRAMME DU JOUR"): capitals, a
// little spaced, quieter than what it heads.
Label {
    // The screen's unit (1 % of its height): the spacing between letters follows it.
    required property real u
    color: Theme.muted
    font.weight: Font.DemiBold
    font.capitalization: Font.AllUppercase
    font.letterSpacing: u * 0.08
}
