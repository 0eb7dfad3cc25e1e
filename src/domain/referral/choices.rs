//! The fixed choices of the self-referral (radios and checkboxes): each option has a stable
//! kebab-case code (what the draft and the payload carry) and a plain English label (what the
//! person sees, in the form and on check-your-answers).

use serde::{Deserialize, Serialize};
use std::fmt;

/// A set of options for one question, in the order they are shown.
pub trait Choice: Copy + Eq + fmt::Debug + 'static {
    /// Every option, in the order shown.
    const ALL: &'static [Self];

    /// The stable code: the serde form and the radio/checkbox `value`.
    fn code(self) -> &'static str;

    /// The plain English label shown to people.
    fn label(self) -> &'static str;

    /// The option with this code, if there is one.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.code() == code)
    }
}

/// "Yes" or "No": how a yes/no answer is shown back.
pub fn yes_no(answer: bool) -> &'static str {
    if answer { "Yes" } else { "No" }
}

/// Declares a choice enum whose serde names are its codes (so the two can never disagree).
macro_rules! choice {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $label:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )+
        }

        impl Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),+];

            fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }

            fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label,)+
                }
            }
        }

        impl fmt::Display for $name {
            /// The label.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

choice! {
    /// How the person would like to be contacted.
    pub enum ContactMethod {
        Phone = "phone", "Phone call";
        /// Needs a mobile number.
        Text = "text", "Text message";
        Email = "email", "Email";
    }
}

choice! {
    /// When it suits the person to be contacted. "Any time" stands alone: chosen with others, it
    /// wins (see [`crate::domain::referral::Referral`]).
    pub enum BestTime {
        Morning = "morning", "Morning";
        Afternoon = "afternoon", "Afternoon";
        Evening = "evening", "Evening";
        Any = "any", "Any time";
    }
}

choice! {
    /// The areas of life the person would like help with (in the order the service lists them).
    pub enum Area {
        LowMoodAnxietyStress = "low-mood-anxiety-stress", "Feeling low, anxious or stressed";
        LonelinessIsolation = "loneliness-isolation", "Loneliness or isolation";
        MoneyBenefitsDebt = "money-benefits-debt", "Money, benefits or debt";
        Housing = "housing", "Housing";
        WorkTrainingVolunteering = "work-training-volunteering", "Work, training or volunteering";
        PhysicalActivity = "physical-activity", "Physical activity and healthy living";
        Caring = "caring", "Caring for someone";
        Bereavement = "bereavement", "Bereavement";
        RelationshipsFamily = "relationships-family", "Relationships and family";
        AlcoholDrugs = "alcohol-drugs", "Alcohol or drugs";
        SomethingElse = "something-else", "Something else";
    }
}

choice! {
    /// How the person heard about the service, or who suggested it (in the order the service lists them).
    pub enum Source {
        Myself = "self", "I found it myself";
        GpPractice = "gp-practice", "GP or someone at my GP practice";
        Pharmacy = "pharmacy", "Pharmacy";
        Hospital = "hospital", "Hospital";
        SocialCare = "social-care", "Social care";
        Housing = "housing", "Housing service or housing association";
        JobCentre = "job-centre", "Jobcentre";
        VoluntaryGroup = "voluntary-group", "Voluntary or community group";
        FamilyOrFriend = "family-or-friend", "Family member or friend";
        /// Needs the person to say how (`heard_other`).
        Other = "other", "Other";
    }
}

choice! {
    /// Who is filling in the form.
    pub enum Helper {
        Myself = "myself", "I am filling this in for myself";
        HelpingSomeone = "helping-someone", "I am helping someone to fill this in";
        OnBehalfWithAgreement = "on-behalf-with-agreement",
            "I am filling this in for someone else, with their agreement";
    }
}

impl Helper {
    /// Whether someone other than the person referred is filling the form in (their name is
    /// then needed).
    pub fn is_someone_else(self) -> bool {
        self != Self::Myself
    }
}
