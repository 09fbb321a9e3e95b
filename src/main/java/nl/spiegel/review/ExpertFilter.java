package nl.spiegel.review;

/**
 * What a person looks for in the directory; null or blank parts mean "any".
 *
 * @param online true: only experts who also work online
 * @param region words in the region where the expert sees people in person
 */
public record ExpertFilter(String form, String specialism, String language, boolean online, String region) {

    public static final ExpertFilter ANY = new ExpertFilter(null, null, null, false, null);
}
