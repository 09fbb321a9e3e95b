package nl.spiegel.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import nl.spiegel.identity.Base32;
import nl.spiegel.identity.DemoAccountProperties;
import nl.spiegel.identity.Role;
import nl.spiegel.identity.StaffDirectory;
import nl.spiegel.identity.StaffMember;
import nl.spiegel.identity.Totp;
import nl.spiegel.identity.internal.TotpSecrets;
import nl.spiegel.organisation.Organisation;
import nl.spiegel.organisation.OrganisationId;
import nl.spiegel.portal.OrganisationAdmin;

/**
 * Hostile files through Vaadin's real upload endpoint over HTTP: an organisation admin logs in over UIDL (password
 * and authenticator code), opens the script editor and the organisation settings, and posts files to the upload
 * URL the server put into the page, exactly as the browser's upload component does (multipart/form-data). Each
 * upload must end without a server error, with a clear message in the person's language, with nothing stored, and
 * the screen must go on working afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HostileUploadIT {

    private static final byte[] SECRET = Base32.decode(DemoAccountProperties.DEMO_TOTP_SECRET);

    @LocalServerPort
    int port;
    @Autowired
    StaffDirectory staff;
    @Autowired
    OrganisationAdmin organisations;
    @Autowired
    TotpSecrets totp;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Autowired
    nl.spiegel.authoring.AuthoringService authoring;
    @Autowired
    nl.spiegel.organisation.OrganisationDirectory directory;

    @Test
    void scriptUploadsOfBombsDeepNestingHugeFilesAndBrokenTextAreRefusedWithReasons() throws Exception {
        Admin admin = admin();
        LoadClient.Tab editor = LoadClient.Tab.at(client(), "admin/dialogues", admin.cookies());
        String template = authoring.template();
        Map<String, byte[]> uploads = new java.util.LinkedHashMap<>();
        uploads.put("billion-laughs.yaml", billionLaughs().getBytes(StandardCharsets.UTF_8));
        uploads.put("nested-flow.yaml", ("id: " + "[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8));
        uploads.put("nested-block.yaml", blockNesting(500).getBytes(StandardCharsets.UTF_8));
        uploads.put("ten-megabytes.yaml", "tekst: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n".repeat(200_000)
                .getBytes(StandardCharsets.UTF_8));
        uploads.put("gadget.yaml", "id: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]"
                .getBytes(StandardCharsets.UTF_8));
        uploads.put("nul.yaml", template.replaceFirst("\n", "\n# \u0000\n").getBytes(StandardCharsets.UTF_8));
        uploads.put("empty.yaml", new byte[0]);
        // the template with bytes that are no UTF-8: a stray continuation byte, 0xFF, an overlong slash, an encoded
        // lone surrogate (CESU-8)
        for (byte[] bad : List.of(new byte[] {(byte) 0x80}, new byte[] {(byte) 0xFF, (byte) 0xFE},
                new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            uploads.put("not-utf8-" + Integer.toHexString(bad[0] & 0xff) + ".yaml", withBytes(template, bad));
        }
        for (String generated : nl.spiegel.HostileStrings.sample(nl.spiegel.HostileStrings.text(4_000), 20261208L, 40)) {
            uploads.put("generated-" + uploads.size() + ".yaml", generated.getBytes(StandardCharsets.UTF_8));
        }

        for (Map.Entry<String, byte[]> file : uploads.entrySet()) {
            String shown = upload(editor, "authoring-upload", file.getKey(), "application/x-yaml", file.getValue());
            assertThat(shown).as("a reason on the screen for %s", file.getKey())
                    .containsAnyOf("Er is 1 probleem", "Er zijn ");
            assertThat(shown.length()).as("%s is not sent back to the browser whole", file.getKey())
                    .isLessThan(600_000);
        }
        assertThat(authoring.scripts(admin.member().userId(), admin.organisation().id())).as("nothing published")
                .isEmpty();

        // the clear words for the two cases a person can fix themselves
        assertThat(upload(editor, "authoring-upload", "groot.yaml", "text/yaml",
                "a: b\n".repeat(3_000_000).getBytes(StandardCharsets.UTF_8)))
                .contains("Dat is te groot: het mag hoogstens");
        assertThat(upload(editor, "authoring-upload", "latin1.yaml", "text/yaml",
                withBytes(template, new byte[] {(byte) 0xE9})))
                .contains("UTF-8");

        // and the upload still works for a good file
        assertThat(upload(editor, "authoring-upload", "goed.yaml", "text/yaml",
                template.getBytes(StandardCharsets.UTF_8))).contains("Alles in orde.");
        stillServesPeople();
    }

    @Test
    void logoUploadsOfHugeImagesImageBombsFakesAndSvgAreRefusedAndNothingIsStored() throws Exception {
        Admin admin = admin();
        LoadClient.Tab settings = LoadClient.Tab.at(client(), "admin/organisation", admin.cookies());
        String slug = admin.organisation().slug();
        record Case(String name, String type, byte[] bytes, String expected) {
        }
        // in an order where each message differs from the one before (the same text again is not sent again)
        List<Case> cases = List.of(
                new Case("leeg.png", "image/png", new byte[0], "Het bestand is leeg."),
                new Case("groot.png", "image/png", pngWithJunk(1_200_000), "Het logo is te groot"),
                new Case("bom.png", "image/png", png(100_000, 100_000), "100000 bij 100000 pixels"),
                new Case("geen-beeld.png", "image/png",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8),
                        "geen PNG-, JPEG- of WebP-afbeelding"),
                new Case("bom.jpg", "image/jpeg", jpeg(65_000, 60_000), "65000 bij 60000 pixels"),
                new Case("logo.svg", "image/svg+xml",
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"
                                .getBytes(StandardCharsets.UTF_8), "geen PNG-, JPEG- of WebP-afbeelding"),
                new Case("tien-mb.png", "image/png", pngWithJunk(10_000_000), "Het logo is te groot"),
                new Case("bom.webp", "image/webp", webp(16_000, 9_000), "16000 bij 9000 pixels"),
                new Case("kapot.png", "image/png", java.util.Arrays.copyOf(png(64, 64), 20),
                        "geen PNG-, JPEG- of WebP-afbeelding"));
        for (Case file : cases) {
            String shown = upload(settings, "org-logo", file.name(), file.type(), file.bytes());
            assertThat(shown).as("a clear message for %s", file.name()).contains(file.expected())
                    .contains("Er is niets opgeslagen.");
            assertThat(directory.logo(slug)).as("nothing stored for %s", file.name()).isEmpty();
        }
        // over the server's limit for any upload (32 MB): refused by the server itself, no error, nothing stored
        Object target = settings.attribute(settings.node("id", "org-logo"), "target");
        LoadClient.Tab.Raw refused = settings.post("/" + ((Map<?, ?>) target).get("uri"),
                multipart("reus.png", "image/png", pngWithJunk(33 * 1024 * 1024)),
                "multipart/form-data; boundary=" + BOUNDARY);
        assertThat(refused.status()).as("refused as too large, not a server error").isEqualTo(413);
        assertThat(directory.logo(slug)).isEmpty();
        calm(settings.send(List.of()));

        assertThat(upload(settings, "org-logo", "goed.png", "image/png", png(64, 64)))
                .contains("Het logo is opgeslagen.");
        assertThat(directory.logo(slug)).isPresent();
        stillServesPeople();
    }

    @Test
    void expertPhotoUploadsOfBombsFakesAndHugeFilesAreRefusedAndAGoodPhotoIsKept() throws Exception {
        Admin therapist = member(Role.THERAPIST);
        LoadClient.Tab profile = LoadClient.Tab.at(client(), "therapist/profile", therapist.cookies());
        String refused = "Dit bestand kunnen we niet als foto lezen";
        // an 83-byte PNG declaring 20000 x 20000 pixels: decoding it would need 1.2 GB
        for (Object[] file : List.of(new Object[] {"bom.png", png(20_000, 20_000)},
                new Object[] {"bom.jpg", jpeg(30_000, 30_000)},
                new Object[] {"geen-foto.png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)},
                new Object[] {"negen-mb.jpg", pngWithJunk(9 * 1024 * 1024)})) {
            assertThat(upload(profile, "expert-photo-upload", (String) file[0], "image/png", (byte[]) file[1]))
                    .as("a clear message for %s", file[0]).contains(refused);
            assertThat(photoBytes(therapist)).as("nothing stored for %s", file[0]).isZero();
        }
        assertThat(upload(profile, "expert-photo-upload", "goed.png", "image/png", png(800, 600)))
                .contains("Bewaard.");
        assertThat(photoBytes(therapist)).isPositive();
        stillServesPeople();
    }

    private long photoBytes(Admin member) {
        return jdbc.sql("SELECT COALESCE(SUM(LENGTH(photo)), 0) FROM review_expert_profiles WHERE therapist_id = ?")
                .param(member.member().userId().toString()).query(Long.class).single();
    }

    // ---- helpers ----

    /**
     * Posts one file to the upload URL the server gave this component, as the browser's upload component does, and
     * returns what the next round trip shows (the upload's result reaches the screen with it).
     */
    private static String upload(LoadClient.Tab tab, String componentId, String name, String type, byte[] content)
            throws Exception {
        Integer upload = tab.node("id", componentId);
        assertThat(upload).as("the upload %s", componentId).isNotNull();
        Object target = tab.attribute(upload, "target");
        String uri = target instanceof Map<?, ?> resource ? String.valueOf(resource.get("uri")) : String.valueOf(target);
        LoadClient.Tab.Raw raw = tab.post("/" + uri, multipart(name, type, content),
                "multipart/form-data; boundary=" + BOUNDARY);
        assertThat(raw.status()).as("no server error for %s: %s", name, raw.body()).isLessThan(500);
        String shown = tab.send(List.of());
        calm(shown);
        return shown;
    }

    private static void calm(String body) {
        assertThat(body).doesNotContain("Internal error", "Synchronization Error", "Er ging iets mis", "Exception",
                "exception");
    }

    /** A person walks a dialogue as usual while and after the hostile uploads went in. */
    private void stillServesPeople() throws Exception {
        LoadClient.Tab person = LoadClient.Tab.open(client(), "kennismaking", Map.of());
        int before = userMessages();
        for (int i = 0; i < 4 && userMessages() == before; i++) {
            person.step(0, null);
        }
        assertThat(userMessages()).as("an ordinary answer is stored").isEqualTo(before + 1);
    }

    private int userMessages() {
        return jdbc.sql("SELECT COUNT(*) FROM dialogue_messages WHERE kind IN ('USER_TEXT', 'USER_CHOICE')")
                .query(Integer.class).single();
    }

    private static String billionLaughs() {
        StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        String previous = "a";
        for (char name = 'b'; name <= 'j'; name++) {
            bomb.append(name).append(": &").append(name).append(" [");
            for (int i = 0; i < 9; i++) {
                bomb.append(i == 0 ? "" : ",").append('*').append(previous);
            }
            bomb.append("]\n");
            previous = String.valueOf(name);
        }
        return bomb.toString();
    }

    private static String blockNesting(int depth) {
        StringBuilder block = new StringBuilder();
        for (int level = 0; level < depth; level++) {
            block.append("  ".repeat(level)).append("k").append(level).append(":\n");
        }
        return block.toString();
    }

    /** The text as UTF-8 with these raw bytes put into its third line (in a comment, so only the bytes are wrong). */
    private static byte[] withBytes(String text, byte[] bad) {
        int at = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        out.writeBytes("# ".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bad);
        out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(text.substring(at).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** A real PNG of this size, written by ImageIO (for the large sizes: only its header, a bomb). */
    static byte[] png(int width, int height) throws java.io.IOException {
        if ((long) width * height <= 1_000_000) {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                    java.awt.image.BufferedImage.TYPE_INT_RGB);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        }
        // signature, IHDR with the declared size, a tiny IDAT, IEND: decoding it would need width * height pixels
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a});
        chunk(out, "IHDR", ihdr.array());
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(9);
        deflater.setInput(new byte[64 * 1024]);
        deflater.finish();
        byte[] compressed = new byte[4096];
        int length = deflater.deflate(compressed);
        chunk(out, "IDAT", java.util.Arrays.copyOf(compressed, length));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** A JPEG whose frame header (SOF0) declares this size, with no image data worth the name. */
    static byte[] jpeg(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) (height >> 8), (byte) height,
                (byte) (width >> 8), (byte) width, 1, 1, 0x11, 0});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /** A WebP (extended format, VP8X) whose canvas declares this size. */
    static byte[] webp(int width, int height) {
        java.nio.ByteBuffer vp8x = java.nio.ByteBuffer.allocate(10).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        vp8x.put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        int w = width - 1;
        int h = height - 1;
        vp8x.put((byte) w).put((byte) (w >> 8)).put((byte) (w >> 16));
        vp8x.put((byte) h).put((byte) (h >> 8)).put((byte) (h >> 16));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes("VP8X".getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(10).array());
        body.writeBytes(vp8x.array());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(body.size())
                .array());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** A PNG signature followed by this many bytes of nothing in particular. */
    private static byte[] pngWithJunk(int size) {
        byte[] bytes = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
        System.arraycopy(signature, 0, bytes, 0, signature.length);
        return bytes;
    }

    record Admin(StaffMember member, Organisation organisation, Map<String, String> cookies) {
    }

    /** A fresh organisation with its own admin, logged in over HTTP the way a browser does it. */
    private Admin admin() throws Exception {
        return member(Role.ORG_ADMIN);
    }

    /** A fresh organisation with a staff member in this role, logged in over HTTP the way a browser does it. */
    private Admin member(Role role) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        StaffMember platform = staff.create("platform-up-" + suffix + "@example.org", "een-lang-test-wachtwoord",
                "Platform upload", Role.PLATFORM_ADMIN, OrganisationId.DEFAULT);
        Organisation organisation = organisations.create(platform.userId(), "Upload praktijk " + suffix,
                "upload-" + suffix);
        String email = "beheer-up-" + suffix + "@example.org";
        String password = "een-lang-wachtwoord-voor-uploads";
        StaffMember admin = staff.create(email, password, "Beheer upload", role, organisation.id());
        totp.storeEnabled(admin.userId(), SECRET);

        LoadClient.Tab login = LoadClient.Tab.at(client(), "login", Map.of());
        Integer form = login.node("id", "login-form");
        assertThat(form).as("the login form").isNotNull();
        login.send(List.of(Map.of("type", "event", "node", form, "event", "login", "data",
                Map.of("event.detail.username", email, "event.detail.password", password))));
        Integer code = login.node("id", "totp-code");
        assertThat(code).as("asked for the authenticator code (it is set up for every test account)").isNotNull();
        login.send(List.of(
                Map.of("type", "mSync", "node", code, "feature", 1, "property", "value", "value",
                        Totp.code(SECRET, clock.instant())),
                LoadClient.Tab.click(login.node("id", "totp-submit"))));
        return new Admin(admin, organisation, login.cookies());
    }

    private LoadClient client() {
        return new LoadClient(new LoadClient.Options(URI.create("http://localhost:" + port), 1,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(100), null, Map.of(), false));
    }

    private static final String BOUNDARY = "----spiegel-hostile-upload";

    /** One file as the upload component posts it: multipart/form-data with a part named "file". */
    static byte[] multipart(String fileName, String contentType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 300);
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
