//! The fixed answers a person picks from, with the words they see.

use serde::{Deserialize, Serialize};

/// A fixed answer: a stable key (stored, and used in the page's markup) and
/// the words a person sees.
pub trait Choice: Copy + PartialEq + 'static {
    const ALL: &'static [Self];
    fn key(self) -> &'static str;
    fn label(self) -> &'static str;

    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|choice| choice.key() == key)
    }
}

macro_rules! choices {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $key:literal : $label:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $name { $(#[serde(rename = $key)] $variant,)+ }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$($name::$variant,)+];
            fn key(self) -> &'static str {
                match self { $($name::$variant => $key,)+ }
            }
            fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }
        }
    };
}

choices! {
    /// How the person would like to be contacted (the Accessible Information Standard's list).
    ContactMethod {
        PhoneCall = "phone": "Phone call",
        Text = "text": "Text message",
        Email = "email": "Email",
        Letter = "letter": "Letter",
        TextRelay = "relay": "Text relay (Relay UK)",
        SomeoneElse = "someone-else": "Through someone I trust, like a carer",
    }
}

choices! {
    /// What the person would like support with.
    SupportNeed {
        Lonely = "lonely": "Feeling lonely or isolated",
        Money = "money": "Money, debt or benefits",
        Housing = "housing": "Housing",
        Work = "work": "Work, volunteering or learning",
        Caring = "caring": "Caring for someone",
        Stress = "stress": "Stress, worry or low mood",
        Condition = "condition": "Living with a long-term condition",
        Active = "active": "Getting more active or eating well",
        SomethingElse = "else": "Something else",
    }
}

choices! {
    /// What makes it hard to get to appointments.
    Barrier {
        SchoolRun = "school-run": "The school run",
        WorkHours = "work-hours": "My work hours or shifts",
        Transport = "transport": "Transport, or the cost of getting there",
        WaitingRooms = "waiting-rooms": "Busy waiting rooms",
        LeavingHome = "leaving-home": "Leaving the house",
        Caring = "caring": "Caring for someone",
        None = "none": "None of these",
    }
}

choices! {
    /// How the person would prefer to meet a link worker.
    Meeting {
        FaceToFace = "face-to-face": "Face to face at the practice",
        Telephone = "telephone": "By telephone",
        HomeVisit = "home-visit": "A visit at home",
        NoPreference = "no-preference": "I do not mind",
    }
}

choices! {
    /// Information formats (Accessible Information Standard).
    Format {
        LargePrint = "large-print": "Large print",
        EasyRead = "easy-read": "Easy read",
        Braille = "braille": "Braille",
        Audio = "audio": "Audio",
        BslVideo = "bsl-video": "British Sign Language (BSL) video",
    }
}

choices! {
    /// Communication professionals (Accessible Information Standard).
    Professional {
        BslInterpreter = "bsl-interpreter": "British Sign Language (BSL) interpreter",
        Lipspeaker = "lipspeaker": "Lipspeaker",
        DeafblindInterpreter = "deafblind-interpreter": "Deafblind interpreter",
    }
}

choices! {
    /// Other support at appointments (Accessible Information Standard).
    OtherSupport {
        HearingLoop = "hearing-loop": "A hearing loop",
        Advocate = "advocate": "An advocate",
        LongerAppointment = "longer": "A longer appointment",
    }
}

choices! {
    /// A plain yes or no.
    YesNo {
        Yes = "yes": "Yes",
        No = "no": "No",
    }
}
