//! The literature behind the model, as docs/model.md lists it, for the "About the
//! model" panel.

/// Full references, in the order of docs/model.md.
pub const LITERATURE: [&str; 8] = [
    "Stasavage, \"Open-Door or Closed-Door? Transparency in Domestic and International Bargaining\", International Organization 58(4), 2004.",
    "Kurizaki, \"Efficient Secrecy: Public versus Private Threats in Crisis Diplomacy\", APSR 101(3), 2007.",
    "Fearon, \"Domestic Political Audiences and the Escalation of International Disputes\", APSR 88(3), 1994.",
    "Putnam, \"Diplomacy and Domestic Politics: The Logic of Two-Level Games\", International Organization 42(3), 1988.",
    "Kydd, Trust and Mistrust in International Relations, 2005.",
    "Carnegie & Carson, Secrets in Global Governance, 2020.",
    "Jøsang & Ismail, \"The Beta Reputation System\", 2002.",
    "Kleine, Informal Governance in the European Union, 2013.",
];
