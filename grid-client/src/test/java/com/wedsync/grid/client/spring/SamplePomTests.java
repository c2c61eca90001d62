package com.wedsync.grid.client.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The sample service's pom holds only what the Spring Boot part of docs/client.md tells a
 * new user to write: its parent, every property, every dependency and plugin are named
 * there.
 */
class SamplePomTests {

    private static final Path POM = Path.of("..", "samples", "spring-boot-service", "pom.xml");

    private static final Path PAGE = Path.of("..", "docs", "client.md");

    @Test
    void everyPartOfTheSamplesPomIsInTheDocumentation() throws Exception {
        String page = Files.readString(PAGE);
        String section = page.substring(page.indexOf("## Spring Boot"),
                page.indexOf("### What the auto-configuration"));
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile());
        List<String> written = new ArrayList<>();
        for (String path : List.of("parent", "dependencyManagement", "dependencies", "build")) {
            NodeList elements = pom.getDocumentElement().getElementsByTagName(path);
            for (int i = 0; i < elements.getLength(); i++) {
                NodeList ids = ((Element) elements.item(i)).getElementsByTagName("artifactId");
                for (int j = 0; j < ids.getLength(); j++) {
                    written.add(ids.item(j).getTextContent().strip());
                }
            }
        }
        NodeList properties = pom.getDocumentElement().getElementsByTagName("properties").item(0).getChildNodes();
        for (int i = 0; i < properties.getLength(); i++) {
            if (properties.item(i).getNodeType() == Node.ELEMENT_NODE) {
                Element property = (Element) properties.item(i);
                written.add("<" + property.getTagName() + ">" + property.getTextContent().strip() + "<");
            }
        }

        assertThat(written)
            .contains("spring-boot-starter-parent", "grid-bom", "grid-client", "<hazelcast.version>5.7.0<")
            .allSatisfy((part) -> assertThat(section).as("docs/client.md, Spring Boot").contains(part));
    }

}
