//! "Meet the volunteers": the first name, one line and photo each volunteer
//! agrees to show on the surgery's board and, where the practice chooses, on
//! self-referral's last page (through `volunteers.json`, a file the clinic
//! downloads for the practice to put beside `config.json`).

use super::rota::Volunteer;
use serde_json::{json, Value};

/// The largest photo file a volunteer may choose: a phone's photo is a few
/// MB; anything far larger is not a photo worth reading.
pub const PHOTO_FILE_LIMIT_MB: f64 = 15.0;
/// The side of the square photo kept, in pixels: clear on a printed board,
/// and a few tens of KB as a JPEG.
pub const PHOTO_SIDE: u32 = 240;
/// The longest photo kept, as its `data:` address: a 240 pixel JPEG is
/// 10 to 40 thousand characters.
pub const PHOTO_LIMIT: usize = 150_000;
/// The longest first name shown.
pub const SHOWN_NAME_LIMIT: usize = 40;
/// The longest line about a volunteer.
pub const ABOUT_LIMIT: usize = 120;
/// The most faces `volunteers.json` is read for, and the longest it may be.
const FILE_FACES_LIMIT: usize = 40;
const FILE_LIMIT: usize = FILE_FACES_LIMIT * (PHOTO_LIMIT + 400);

/// Why a chosen file cannot be a volunteer's photo.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhotoProblem {
    NotAnImage,
    TooLarge,
    /// The browser could not open it as a picture: a file renamed to look
    /// like one, or a kind of picture this browser cannot show.
    CannotOpen,
}

impl PhotoProblem {
    pub fn message(self) -> &'static str {
        match self {
            PhotoProblem::NotAnImage => "The selected file must be a photo, such as a JPG or PNG",
            PhotoProblem::TooLarge => "The selected file must be smaller than 15 MB",
            PhotoProblem::CannotOpen => {
                "The selected file could not be opened as a photo. Choose a JPG or PNG photo"
            }
        }
    }
}

/// Checks a chosen file before it is read: its type as the browser gives it
/// (from its name) and its size in bytes.
pub fn check_chosen_photo(mime: &str, bytes: f64) -> Result<(), PhotoProblem> {
    if !mime.starts_with("image/") {
        return Err(PhotoProblem::NotAnImage);
    }
    if bytes > PHOTO_FILE_LIMIT_MB * 1024.0 * 1024.0 {
        return Err(PhotoProblem::TooLarge);
    }
    Ok(())
}

/// The square in the middle of a `width` x `height` picture that becomes the
/// photo: (left, top, side).
pub fn middle_square(width: u32, height: u32) -> (u32, u32, u32) {
    let side = width.min(height);
    ((width - side) / 2, (height - side) / 2, side)
}

/// Whether `photo` is a photo as the app keeps it: a JPEG, WebP or PNG
/// `data:` address in base64, no longer than [`PHOTO_LIMIT`].
pub fn is_kept_photo(photo: &str) -> bool {
    let body = ["jpeg", "webp", "png"]
        .iter()
        .find_map(|kind| photo.strip_prefix(&format!("data:image/{kind};base64,")));
    photo.len() <= PHOTO_LIMIT
        && body.is_some_and(|body| {
            !body.is_empty()
                && body
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        })
}

/// A volunteer as shown: on the board, and on self-referral's last page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Face {
    pub name: String,
    pub about: String,
    /// A kept photo (see [`is_kept_photo`]), if they gave one.
    pub photo: Option<String>,
}

impl Volunteer {
    /// How this volunteer is shown: only when they have agreed and have a
    /// first name to show.
    pub fn face(&self) -> Option<Face> {
        let name = self.shown_name.trim();
        (self.agreed_to_show && !name.is_empty()).then(|| Face {
            name: name.to_string(),
            about: self.about.trim().to_string(),
            photo: is_kept_photo(&self.photo).then(|| self.photo.clone()),
        })
    }
}

/// The faces of the volunteers who agreed to be shown, in the clinic's order.
pub fn faces(volunteers: &[Volunteer]) -> Vec<Face> {
    volunteers.iter().filter_map(Volunteer::face).collect()
}

/// `volunteers.json`, the faces for the practice's website: names, lines and
/// photos of those who agreed, and nothing else about them.
pub fn faces_file(faces: &[Face]) -> String {
    let faces: Vec<Value> = faces
        .iter()
        .map(|f| json!({ "name": f.name, "about": f.about, "photo": f.photo.clone().unwrap_or_default() }))
        .collect();
    json!({ "volunteers": faces }).to_string()
}

/// The faces in a `volunteers.json`, as forgivingly as is safe: a file that
/// is not one gives none, an entry without a name is left out, and a photo
/// that is not a kept photo is not shown. A patient is never told of a
/// problem with it: the page just shows no faces.
pub fn read_faces_file(text: &str) -> Vec<Face> {
    if text.len() > FILE_LIMIT {
        return Vec::new();
    }
    let Ok(file) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    let text_of = |v: &Value, key: &str, limit: usize| {
        v[key]
            .as_str()
            .map(str::trim)
            .filter(|t| t.chars().count() <= limit)
            .unwrap_or_default()
            .to_string()
    };
    file["volunteers"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .take(FILE_FACES_LIMIT)
        .filter_map(|v| {
            let name = text_of(v, "name", SHOWN_NAME_LIMIT);
            let photo = v["photo"].as_str().filter(|p| is_kept_photo(p));
            (!name.is_empty()).then(|| Face {
                name,
                about: text_of(v, "about", ABOUT_LIMIT),
                photo: photo.map(str::to_string),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHOTO: &str = "data:image/jpeg;base64,/9j/4AAQSkZJRg==";

    fn sam(agreed: bool) -> Volunteer {
        Volunteer {
            id: 1,
            name: "Sam Okafor".to_string(),
            shown_name: "Sam".to_string(),
            about: "I like gardening and a cup of tea.".to_string(),
            photo: PHOTO.to_string(),
            agreed_to_show: agreed,
            ..Volunteer::default()
        }
    }

    #[test]
    fn only_a_volunteer_who_agreed_is_shown() {
        assert_eq!(faces(&[sam(false)]), Vec::new());
        let shown = faces(&[sam(true)]);
        assert_eq!(shown.len(), 1);
        assert_eq!(shown[0].name, "Sam");
        assert_eq!(shown[0].photo.as_deref(), Some(PHOTO));
    }

    #[test]
    fn a_volunteer_with_no_first_name_to_show_is_not_shown() {
        let mut nameless = sam(true);
        nameless.shown_name = "  ".to_string();
        assert_eq!(faces(&[nameless]), Vec::new());
    }

    #[test]
    fn a_volunteer_shown_without_a_photo_has_a_name_and_line_only() {
        let mut no_photo = sam(true);
        no_photo.photo.clear();
        assert_eq!(faces(&[no_photo])[0].photo, None);
    }

    #[test]
    fn a_text_file_or_a_huge_file_is_refused_before_it_is_read() {
        assert_eq!(
            check_chosen_photo("text/plain", 20.0),
            Err(PhotoProblem::NotAnImage)
        );
        assert_eq!(check_chosen_photo("", 20.0), Err(PhotoProblem::NotAnImage));
        assert_eq!(
            check_chosen_photo("image/jpeg", 16.0 * 1024.0 * 1024.0),
            Err(PhotoProblem::TooLarge)
        );
        assert_eq!(
            check_chosen_photo("image/jpeg", 4.0 * 1024.0 * 1024.0),
            Ok(())
        );
        assert_eq!(
            check_chosen_photo("image/png", 15.0 * 1024.0 * 1024.0),
            Ok(())
        );
    }

    #[test]
    fn the_photo_is_the_square_in_the_middle() {
        assert_eq!(middle_square(400, 300), (50, 0, 300));
        assert_eq!(middle_square(300, 500), (0, 100, 300));
        assert_eq!(middle_square(240, 240), (0, 0, 240));
    }

    #[test]
    fn only_a_small_picture_as_data_is_a_kept_photo() {
        assert!(is_kept_photo(PHOTO));
        assert!(is_kept_photo("data:image/webp;base64,UklGRg=="));
        assert!(!is_kept_photo(""));
        assert!(!is_kept_photo("https://example.com/sam.jpg"));
        assert!(!is_kept_photo("data:image/svg+xml;base64,PHN2Zz4="));
        assert!(!is_kept_photo("data:image/jpeg;base64,\"><script>"));
        assert!(!is_kept_photo("data:image/jpeg;base64,"));
        let huge = format!("data:image/jpeg;base64,{}", "A".repeat(PHOTO_LIMIT));
        assert!(!is_kept_photo(&huge));
    }

    #[test]
    fn the_faces_file_holds_only_who_agreed_and_reads_back_the_same() {
        let mut other = sam(false);
        other.shown_name = "Priya".to_string();
        other.phone = "07700 900123".to_string();
        let text = faces_file(&faces(&[sam(true), other]));
        assert!(!text.contains("Priya"));
        assert!(!text.contains("Okafor"), "only the first name shown");
        assert_eq!(read_faces_file(&text), faces(&[sam(true)]));
    }

    #[test]
    fn a_faces_file_that_is_broken_or_odd_shows_no_faces_or_only_good_ones() {
        assert_eq!(read_faces_file(""), Vec::new());
        assert_eq!(read_faces_file("<html>Not found</html>"), Vec::new());
        assert_eq!(read_faces_file("[1, 2]"), Vec::new());
        assert_eq!(read_faces_file(r#"{"volunteers": "Sam"}"#), Vec::new());
        let read = read_faces_file(
            r#"{"volunteers": [{"about": "no name"}, 7,
                {"name": "Jo", "photo": "https://tracker.example/x.png"}]}"#,
        );
        assert_eq!(
            read,
            vec![Face {
                name: "Jo".to_string(),
                about: String::new(),
                photo: None
            }]
        );
        let many = format!(
            r#"{{"volunteers": [{}]}}"#,
            [r#"{"name": "Jo"}"#; 100].join(",")
        );
        assert_eq!(read_faces_file(&many).len(), FILE_FACES_LIMIT);
    }
}
