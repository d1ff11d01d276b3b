package dev.skillgraph.reference;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Embeds a few sentences with LangChain4j's Java models (the same ONNX files our TypeScript encoder
 * loads, but LangChain4j's own tokenizer, pooling and runtime) and writes them as JSON fixtures.
 */
public final class ReferenceVectors {
  static final List<String> SENTENCES = List.of(
      "Experience with Kubernetes and Docker in production.",
      "We are looking for a senior Python developer with PostgreSQL skills.",
      "Café owner, naïve résumé: manages the front-of-house team!",
      "C++ / C# / .NET Core; Node.js (TypeScript) — 5+ years.",
      "golang",
      "Pflege von Patienten im Krankenhaus",
      "UNCASED Text With Capitals And numbers 12345");

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "test/fixtures");
    Files.createDirectories(out);
    write(out.resolve("all-minilm-l6-v2.reference.json"), "all-minilm-l6-v2", new AllMiniLmL6V2EmbeddingModel());
    write(out.resolve("all-minilm-l6-v2-q.reference.json"), "all-minilm-l6-v2-q", new AllMiniLmL6V2QuantizedEmbeddingModel());
  }

  static void write(Path file, String model, EmbeddingModel m) throws IOException {
    StringBuilder sb = new StringBuilder();
    sb.append("{\n  \"model\": \"").append(model).append("\",\n  \"producer\": \"LangChain4j ")
        .append("1.19.0-beta29 (Java), test/support/reference-vectors\",\n  \"vectors\": [\n");
    for (int i = 0; i < SENTENCES.size(); i++) {
      String s = SENTENCES.get(i);
      float[] v = m.embed(s).content().vector();
      sb.append("    {\"text\": ").append(json(s)).append(", \"vector\": [");
      for (int j = 0; j < v.length; j++) sb.append(j == 0 ? "" : ",").append(v[j]);
      sb.append("]}").append(i + 1 < SENTENCES.size() ? ",\n" : "\n");
    }
    sb.append("  ]\n}\n");
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    System.err.println("wrote " + file);
  }

  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') sb.append('\\').append(c);
      else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
      else sb.append(c);
    }
    return sb.append('"').toString();
  }
}
