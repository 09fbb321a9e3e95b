package nl.spiegel.review;

/** Who a valid invite code would share with, shown to the person before they confirm. */
public record InvitePreview(String therapistName) {
}
