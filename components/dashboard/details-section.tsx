// The listing's public details in the editor: title, summary, description, category, tags and price.
import { CATEGORIES } from "@/lib/catalog/categories";
import { SUMMARY_MAX, TITLE_MAX, type ListingDetailsForm } from "@/lib/listings/details";
import { Section, SelectInput, TextInput } from "./fields";
import { MarkdownField } from "./markdown-field";

export function DetailsSection({
  details,
  locked,
  live,
  errorFor,
  onEdit,
  renderMarkdown,
}: {
  details: ListingDetailsForm;
  locked: boolean;
  live: boolean;
  errorFor: (field: keyof ListingDetailsForm) => string | undefined;
  onEdit: (field: keyof ListingDetailsForm, value: string) => void;
  renderMarkdown: (markdown: string) => Promise<string>;
}) {
  return (
    <Section
      title="Details"
      description={
        locked
          ? "Shown on the listing page and in search. Locked for now."
          : live
            ? "Shown on the listing page and in search. Changes wait for an admin's approval while the current details stay public; a new price applies at once."
            : "Shown on the listing page and in search. Drafts save automatically."
      }
    >
      <TextInput
        label="Title"
        required
        value={details.title}
        max={TITLE_MAX}
        disabled={locked}
        onChange={(v) => onEdit("title", v)}
        error={errorFor("title")}
      />
      <TextInput
        label="Summary"
        value={details.summary}
        max={SUMMARY_MAX}
        disabled={locked}
        onChange={(v) => onEdit("summary", v)}
        error={errorFor("summary")}
        hint="One sentence for cards and search results."
      />
      <MarkdownField
        value={details.description}
        disabled={locked}
        onChange={(v) => onEdit("description", v)}
        error={errorFor("description")}
        render={renderMarkdown}
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectInput
          label="Category"
          required
          value={details.category}
          disabled={locked}
          onChange={(v) => onEdit("category", v)}
          options={CATEGORIES.map((c) => ({ value: c.slug, label: c.name }))}
          error={errorFor("category")}
        />
        <TextInput
          label="Tags"
          value={details.tags}
          disabled={locked}
          onChange={(v) => onEdit("tags", v)}
          error={errorFor("tags")}
          hint="Up to 10, separated by commas."
        />
        <TextInput
          label="Price (USD)"
          required
          inputMode="decimal"
          value={details.price}
          disabled={locked}
          onChange={(v) => onEdit("price", v)}
          error={errorFor("price")}
          hint="0 for free, or 1.00 to 1,000.00."
        />
      </div>
    </Section>
  );
}
