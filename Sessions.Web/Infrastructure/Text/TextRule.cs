using System.Buffers;
using System.Globalization;
using System.Text;
using Sessions.Web.Infrastructure.Http;

namespace Sessions.Web.Infrastructure.Text;

/// <summary>
/// What a field of text people type may hold, wherever it is typed (a page or the API) and whatever it is (a title, a
/// description, a reason; names and chat messages alike): nothing that hides, reorders or breaks what others see.
/// Lengths count text elements, what a reader sees as one character (an emoji with its skin tone is one, not four).
/// </summary>
/// <param name="Field">The field name a refusal is keyed by (the API body's own name).</param>
/// <param name="Label">How messages name the field: "The title".</param>
/// <param name="MultiLine">Whether line breaks are allowed (CR LF is read as LF).</param>
public sealed record TextRule(string Field, string Label, int MaxLength, bool Required = false, bool MultiLine = false)
{
    /// <summary>
    /// The longest text element, in UTF-16 units: room for any emoji sequence (a family with skin tones is 19, a tagged
    /// flag 14), not for a letter under a pile of combining marks that spills over the lines around it.
    /// </summary>
    public const int MaxTextElementLength = 32;

    /// <summary>The text as it is stored: trimmed, CR LF as LF, and null for nothing but white space.</summary>
    public static string? Tidy(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>Adds this field's refusal, if its text (as <see cref="Tidy"/> would store it) breaks the rule.</summary>
    public void Check(FieldErrors errors, string? text)
    {
        if (Problem(Tidy(text)) is { } problem)
        {
            errors.Add(Field, problem);
        }
    }

    private FieldMessage? Problem(string? text)
    {
        if (text is null)
        {
            return Required ? FieldMessage.Of("text_required", $"{Label} is required.") : null;
        }
        var visible = false;
        var rest = text.AsSpan();
        for (var elements = 0; !rest.IsEmpty; elements++)
        {
            if (elements == MaxLength)
            {
                return FieldMessage.Of("text_too_long", $"{Label} may have at most {MaxLength} characters.", ("max", MaxLength));
            }
            var element = rest[..StringInfo.GetNextTextElementLength(rest)];
            rest = rest[element.Length..];
            if (ElementProblem(element, ref visible) is { } problem)
            {
                return problem;
            }
        }
        return visible ? null : FieldMessage.Of("text_invisible", $"{Label} has no visible characters.");
    }

    private FieldMessage? ElementProblem(ReadOnlySpan<char> element, ref bool visible)
    {
        if (element.Length > MaxTextElementLength)
        {
            return FieldMessage.Of("text_too_many_marks", $"{Label} has a character with too many marks on it.");
        }
        var inTagSequence = false;
        while (!element.IsEmpty)
        {
            var decoded = Rune.DecodeFromUtf16(element, out var rune, out var used) == OperationStatus.Done;
            element = element[used..];
            // Not decoded: an unpaired surrogate.
            var kind = decoded ? Characters.KindOf(rune, inTagSequence) : CharacterKind.Invalid;
            if (Refusal(kind) is { } refusal)
            {
                return refusal;
            }
            visible |= kind == CharacterKind.Visible;
            inTagSequence |= rune.Value == Characters.WavingBlackFlag;
        }
        return null;
    }

    private FieldMessage? Refusal(CharacterKind kind) => kind switch
    {
        CharacterKind.LineBreak when !MultiLine => FieldMessage.Of("text_line_break", $"{Label} must be on one line."),
        CharacterKind.Control => FieldMessage.Of("text_control", $"{Label} must not contain control characters (such as NUL or tab)."),
        CharacterKind.Reordering => FieldMessage.Of("text_reordering", $"{Label} must not contain characters that reorder text (bidirectional overrides, embeddings or isolates)."),
        CharacterKind.Hidden or CharacterKind.Invalid => FieldMessage.Of("text_hidden", $"{Label} must not contain hidden or invalid characters."),
        _ => null,
    };
}
