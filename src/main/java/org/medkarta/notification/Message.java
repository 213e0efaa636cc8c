package org.medkarta.notification;

/**
 * What to tell a person, already in their language: the title becomes the e-mail subject and the
 * notice's heading; the SMS carries the text (and the link, when there is one).
 *
 * @param link an absolute URL to the matter in the app, or null
 */
public record Message(String title, String text, String link) {

    public Message {
        if (title == null || title.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("A message needs a title and a text");
        }
    }

    String smsText() {
        return link == null ? text : text + " " + link;
    }

    String emailBody() {
        return link == null ? text : text + "\n\n" + link;
    }
}
