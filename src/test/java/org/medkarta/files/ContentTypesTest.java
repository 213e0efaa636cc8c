package org.medkarta.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentTypesTest {

    @Test
    void officeDocumentsAreToldApartByWhatTheirContainersHold() {
        assertThat(ContentTypes.detect(Samples.docx())).isEqualTo(MediaTypes.DOCX);
        assertThat(ContentTypes.detect(Samples.xlsx())).isEqualTo(MediaTypes.XLSX);
        assertThat(ContentTypes.detect(Samples.doc())).isEqualTo(MediaTypes.DOC);
        assertThat(ContentTypes.detect(Samples.xls())).isEqualTo(MediaTypes.XLS);
    }

    @Test
    void otherContainersStayBareContainers() {
        assertThat(ContentTypes.detect(Samples.zip())).isEqualTo("application/zip");
        assertThat(ContentTypes.detect(Samples.otherOle2())).isEqualTo(ContentTypes.OLE2);
    }

    @Test
    void picturesDocumentsAndTextAreDetectedFromTheirBytes() {
        assertThat(ContentTypes.detect(Samples.pdf())).isEqualTo(MediaTypes.PDF);
        assertThat(ContentTypes.detect(Samples.png())).isEqualTo(MediaTypes.PNG);
        assertThat(ContentTypes.detect(Samples.jpeg())).isEqualTo(MediaTypes.JPEG);
        assertThat(ContentTypes.detect(Samples.text())).isEqualTo(MediaTypes.TEXT);
    }

    @Test
    void programsAreNeverTakenForDocuments() {
        assertThat(ContentTypes.detect(Samples.executable())).isNotIn(FilePurpose.CHAT.mediaTypes());
        assertThat(ContentTypes.detect(Samples.windowsExecutable())).isNotIn(FilePurpose.CHAT.mediaTypes());
    }

    @Test
    void aTruncatedCompoundFileGivesNoNames() {
        byte[] doc = Samples.doc();
        byte[] truncated = java.util.Arrays.copyOf(doc, 600);
        assertThat(ContentTypes.Ole2Directory.names(truncated)).isEmpty();
        assertThat(ContentTypes.Ole2Directory.names(doc)).contains("WordDocument", "1Table");
    }
}
