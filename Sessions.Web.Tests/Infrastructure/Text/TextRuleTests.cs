using Sessions.Web.Infrastructure.Http;
using Sessions.Web.Infrastructure.Text;

namespace Sessions.Web.Tests.Infrastructure.Text;

/// <summary>What people may type into a field that others read: the rule every text field of the portal follows.</summary>
public sealed class TextRuleTests
{
    private static readonly TextRule Title = new("title", "The title", MaxLength: 10, Required: true);
    private static readonly TextRule Description = new("description", "The description", MaxLength: 10, MultiLine: true);

    [Theory]
    [InlineData("\U0001F469\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466")] // a family: 11 UTF-16 units, 1 character
    [InlineData("\U0001F44B\U0001F3FD")] // a wave with a skin tone
    [InlineData("e\u0301")] // e and a combining acute accent
    [InlineData("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")] // the flag of Scotland, made of tags
    [InlineData("\u1100\u1161\u11A8")] // a Hangul syllable written as its three jamo
    public void Lengths_count_what_a_reader_sees_as_one_character(string character)
    {
        Assert.Null(ErrorOf(Title, string.Concat(Enumerable.Repeat(character, 10))));
        Assert.Equal("The title may have at most 10 characters.", ErrorOf(Title, string.Concat(Enumerable.Repeat(character, 11))));
    }

    [Theory]
    [InlineData("\u200B")] // zero-width space
    [InlineData("\u200C\u200D")] // zero-width non-joiner and joiner
    [InlineData("\u2060\uFEFF")] // word joiner, zero-width no-break space
    [InlineData("\u00AD\u034F")] // soft hyphen, combining grapheme joiner
    [InlineData("\u3164\u115F\u2800")] // Hangul fillers, blank braille
    [InlineData("\u00A0\u3000\u200B")] // no-break and ideographic spaces
    [InlineData("\uFE0F\u0301")] // a variation selector and a mark with nothing to sit on
    public void A_value_of_only_invisible_characters_is_refused(string invisible)
    {
        Assert.Equal("The title has no visible characters.", ErrorOf(Title, invisible));
        Assert.Equal("The description has no visible characters.", ErrorOf(Description, invisible));
    }

    [Fact]
    public void White_space_around_a_value_is_trimmed_and_white_space_alone_is_no_value()
    {
        Assert.Null(ErrorOf(Title, " \t Algebra\r\n"));
        Assert.Equal("Algebra", TextRule.Tidy(" \t Algebra\r\n"));
        Assert.Equal("The title is required.", ErrorOf(Title, " \t\n "));
        Assert.Null(ErrorOf(Description, "   "));
        Assert.Null(TextRule.Tidy("   "));
    }

    [Theory]
    [InlineData("\u202E")] // right-to-left override
    [InlineData("\u202A")] // left-to-right embedding
    [InlineData("\u202B")] // right-to-left embedding
    [InlineData("\u202C")] // pop directional formatting
    [InlineData("\u202D")] // left-to-right override
    [InlineData("\u2066")] // left-to-right isolate
    [InlineData("\u2067")] // right-to-left isolate
    [InlineData("\u2068")] // first strong isolate
    [InlineData("\u2069")] // pop directional isolate
    public void Characters_that_reorder_text_are_refused(string reordering)
    {
        Assert.Equal("The title must not contain characters that reorder text (bidirectional overrides, embeddings or isolates).",
            ErrorOf(Title, $"abc{reordering}fdp.exe"));
    }

    [Theory]
    [InlineData("\u200F\u05E9\u05DC\u05D5\u05DD")] // a right-to-left mark before Hebrew: a mark, not an override
    [InlineData("\u0645\u0631\u062D\u0628\u0627")] // Arabic
    public void Right_to_left_text_and_its_marks_are_fine(string text) => Assert.Null(ErrorOf(Title, text));

    [Theory]
    [InlineData("a\0b")]
    [InlineData("a\tb")]
    [InlineData("a\u0007b")]
    [InlineData("a\rb")]
    [InlineData("a\u0085b")]
    [InlineData("a\u2028b")]
    [InlineData("a\u2029b")]
    public void Control_characters_are_refused_in_every_field(string text)
    {
        Assert.Equal("The title must not contain control characters (such as NUL or tab).", ErrorOf(Title, text));
        Assert.Equal("The description must not contain control characters (such as NUL or tab).", ErrorOf(Description, text));
    }

    [Fact]
    public void Line_breaks_are_for_multi_line_fields_and_are_stored_as_LF()
    {
        Assert.Equal("The title must be on one line.", ErrorOf(Title, "one\ntwo"));
        Assert.Equal("The title must be on one line.", ErrorOf(Title, "one\r\ntwo"));
        Assert.Null(ErrorOf(Description, "ab\r\ncd\nef"));
        Assert.Equal("ab\ncd\nef", TextRule.Tidy("ab\r\ncd\nef"));
    }

    [Theory]
    [InlineData("a\uFFFE")] // a noncharacter
    [InlineData("a\uFDD0")] // another
    [InlineData("a\uFFF9b\uFFFBc")] // interlinear annotation
    [InlineData("a\u206Ab")] // a deprecated format character
    [InlineData("hi\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065")] // "ignore" in tag characters: invisible text
    public void Hidden_and_invalid_characters_are_refused(string text) =>
        Assert.Equal("The title must not contain hidden or invalid characters.", ErrorOf(Title, text));

    [Fact]
    public void Unpaired_surrogates_are_refused()
    {
        // Built here: theory data passes through UTF-8, which turns a lone surrogate into U+FFFD before the test sees it.
        foreach (var text in new[] { "a" + '\uD800' + "b", "a" + '\uDC00', string.Concat('\uDC00', '\uD800') })
        {
            Assert.Equal("The title must not contain hidden or invalid characters.", ErrorOf(Title, text));
        }
    }

    [Fact]
    public void A_letter_under_a_pile_of_combining_marks_is_refused()
    {
        Assert.Null(ErrorOf(Title, "Z" + new string('\u0301', 5)));
        Assert.Equal("The title has a character with too many marks on it.", ErrorOf(Title, "Z" + new string('\u0301', 500)));
    }

    [Fact]
    public void A_very_long_value_is_refused_without_reading_it_all()
    {
        Assert.Equal("The title may have at most 10 characters.", ErrorOf(Title, new string('x', 100_000) + "\0"));
    }

    private static string? ErrorOf(TextRule rule, string? text)
    {
        var errors = new FieldErrors();
        rule.Check(errors, text);
        return errors.ToError() is { } error ? Assert.Single(((IReadOnlyDictionary<string, FieldMessage[]>)error.Details!["errors"]!)[rule.Field]).English : null;
    }
}
