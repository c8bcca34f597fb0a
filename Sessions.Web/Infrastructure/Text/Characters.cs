using System.Globalization;
using System.Text;

namespace Sessions.Web.Infrastructure.Text;

public enum CharacterKind
{
    Visible,
    /// <summary>Takes no room of its own (white space, joiners, variation selectors, marks, fillers): allowed, but not alone.</summary>
    Invisible,
    LineBreak,
    /// <summary>C0 and C1 controls (NUL, tab, a lone CR…) and the Unicode line and paragraph separators.</summary>
    Control,
    /// <summary>Bidirectional embeddings, overrides and isolates: they make text read in another order than it is stored.</summary>
    Reordering,
    /// <summary>Characters that carry text nobody sees (tags outside a flag) or that Unicode reserves (noncharacters, annotations).</summary>
    Hidden,
    /// <summary>Not a character at all: an unpaired surrogate.</summary>
    Invalid,
}

/// <summary>What each Unicode character does to text as people see it; the table behind <see cref="TextRule"/>.</summary>
public static class Characters
{
    /// <summary>🏴, which tag characters follow in the flags of England, Scotland and Wales; anywhere else tags smuggle hidden text.</summary>
    public const int WavingBlackFlag = 0x1F3F4;

    public static CharacterKind KindOf(Rune rune, bool inTagSequence = false) => rune.Value switch
    {
        0x0A => CharacterKind.LineBreak,
        0x2028 or 0x2029 => CharacterKind.Control,
        >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 => CharacterKind.Reordering,
        // Deprecated format characters (shaping and digit controls) and interlinear annotations.
        >= 0x206A and <= 0x206F or >= 0xFFF9 and <= 0xFFFB => CharacterKind.Hidden,
        >= 0xFDD0 and <= 0xFDEF => CharacterKind.Hidden,
        _ when (rune.Value & 0xFFFE) == 0xFFFE => CharacterKind.Hidden,
        >= 0xE0000 and <= 0xE007F => inTagSequence ? CharacterKind.Invisible : CharacterKind.Hidden,
        // Hangul fillers and the blank braille pattern look like letters to Unicode but show nothing.
        0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 => CharacterKind.Invisible,
        _ => Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.Control => CharacterKind.Control,
            UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpaceSeparator => CharacterKind.Invisible,
            _ => CharacterKind.Visible,
        },
    };
}
