package nl.spiegel.escalation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One place to turn to in a crisis, in one language.
 *
 * @param phones numbers as people read them ("0800-0113"), each shown as plain text and as a tap-to-call link
 * @param url     a web address (chat, information), or null
 * @param purpose what it is for, to order the contacts per kind of risk
 */
public record CrisisContact(String name, String description, List<String> phones, String url,
                            ContactPurpose purpose) {

    private static final Pattern WEB = Pattern.compile("^https?://[^\\s\"'<>]+$");

    public CrisisContact {
        Objects.requireNonNull(name);
        description = description == null ? "" : description;
        phones = phones == null ? List.of() : phones.stream().map(String::strip).filter(phone -> !phone.isEmpty())
                .toList();
        purpose = purpose == null ? ContactPurpose.OTHER : purpose;
    }

    public CrisisContact(String name, String description, List<String> phones, String url) {
        this(name, description, phones, url, ContactPurpose.OTHER);
    }

    /**
     * The contacts in the order given by purposes: first those of the first purpose, and so on; contacts whose
     * purpose is not named keep their own order after them.
     */
    public static List<CrisisContact> ordered(List<CrisisContact> contacts, List<ContactPurpose> order) {
        return contacts.stream().sorted(java.util.Comparator.comparingInt(contact -> {
            int index = order.indexOf(contact.purpose());
            return index < 0 ? order.size() : index;
        })).toList();
    }

    /** The {@code tel:} link for a number: only digits and a leading plus, "0800-0113" becomes "tel:08000113". */
    public static String telHref(String phone) {
        return "tel:" + (phone.strip().startsWith("+") ? "+" : "") + phone.replaceAll("[^0-9]", "");
    }

    /** The web address if it is a plain http(s) address; anything else (javascript:, data:) is never linked. */
    public Optional<String> webAddress() {
        return url != null && WEB.matcher(url.strip()).matches() ? Optional.of(url.strip()) : Optional.empty();
    }

    /** The web address as people read it: "https://www.113.nl/" becomes "113.nl". */
    public Optional<String> webAddressText() {
        return webAddress().map(address -> address.replaceFirst("^https?://(www\\.)?", "").replaceFirst("/$", ""));
    }
}
