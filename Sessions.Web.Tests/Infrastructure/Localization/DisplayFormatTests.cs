using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sessions.Web.Features.Accounts;
using Sessions.Web.Infrastructure.Localization;

namespace Sessions.Web.Tests.Infrastructure.Localization;

/// <summary>Dates, numbers and durations as each language shows them: English as before, Arabic with its names and digits.</summary>
[Collection(AppFixtureGroup.Name)]
public sealed class DisplayFormatTests(SessionsAppFactory app)
{
    private static readonly DateTime Moment = new(2026, 12, 1, 14, 5, 9, DateTimeKind.Utc);

    private DisplayFormat Format => app.Services.GetRequiredService<DisplayFormat>();

    [Fact]
    public void English_keeps_the_24_hour_formats_the_pages_always_had()
    {
        using var english = new CultureScope("en");

        Assert.Equal("Tue 1 Dec, 14:05", Format.DayAndTime(Moment));
        Assert.Equal("Tuesday 1 December", Format.Day(Moment));
        Assert.Equal("2026-12-01 14:05:09", Format.Timestamp(Moment));
        Assert.Equal("2026-12-01 14:05", Format.DateAndTime(Moment));
        Assert.Equal("14:05", Format.Time(Moment));
        Assert.Equal("12.5", Format.Number(12.5));
        Assert.Equal("in 1 d 2 h", Format.Countdown(new TimeSpan(1, 2, 3, 0)));
        Assert.Equal("in 2 h 03 min", Format.Countdown(new TimeSpan(2, 3, 0)));
        Assert.Equal("in 4:05", Format.Countdown(new TimeSpan(0, 4, 5)));
    }

    [Fact]
    public void Arabic_writes_month_and_day_names_a_12_hour_clock_and_Arabic_Indic_digits()
    {
        using var arabic = new CultureScope("ar");

        Assert.Equal("الثلاثاء ١ ديسمبر، ٢:٠٥ م", Format.DayAndTime(Moment));
        Assert.Equal("الثلاثاء ١ ديسمبر", Format.Day(Moment));
        Assert.Equal("١ ديسمبر ٢٠٢٦، ٢:٠٥:٠٩ م", Format.Timestamp(Moment));
        Assert.Equal("٢:٠٥ م", Format.Time(Moment));
        Assert.Equal("١٢" + CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator + "٥", Format.Number(12.5));
        Assert.Equal("١:٠٤:٠٥", Format.Clock(new TimeSpan(1, 4, 5)));
        Assert.Equal("بعد ٢ ساعة و٠٣ دقيقة", Format.Countdown(new TimeSpan(2, 3, 0)));
    }

    [Fact]
    public void Arabic_with_Latin_digits_keeps_the_Arabic_names_and_writes_0_to_9()
    {
        using var latin = new CultureScope("ar-u-nu-latn", "ar");

        Assert.Equal("الثلاثاء 1 ديسمبر، 2:05 م", Format.DayAndTime(Moment));
    }

    [Fact]
    public void A_users_own_clock_and_digits_come_before_the_languages()
    {
        using (new CultureScope(PreferredCulture.Of(CultureInfo.GetCultureInfo("en"), ClockPreference.TwelveHour, null), "en"))
        {
            Assert.Equal("Tue 1 Dec, 2:05 PM", Format.DayAndTime(Moment));
            Assert.Equal("2:05 PM", Format.Time(Moment));
            Assert.Equal("2026-12-01 2:05:09 PM", Format.Timestamp(Moment));
        }
        using (new CultureScope(PreferredCulture.Of(CultureInfo.GetCultureInfo("en"), null, DigitPreference.ArabicIndic), "en"))
        {
            Assert.Equal("Tue ١ Dec, ١٤:٠٥", Format.DayAndTime(Moment));
            Assert.Equal("in ١ d ٢ h", Format.Countdown(new TimeSpan(1, 2, 3, 0)));
            Assert.Equal("١٢.٥", Format.Number(12.5));
        }
        using (new CultureScope(PreferredCulture.Of(CultureInfo.GetCultureInfo("ar"), ClockPreference.TwentyFourHour, DigitPreference.Latin), "ar"))
        {
            Assert.Equal("الثلاثاء 1 ديسمبر، 14:05", Format.DayAndTime(Moment));
            Assert.Equal("1 ديسمبر 2026، 14:05", Format.DateAndTime(Moment));
        }
    }

    [Fact]
    public void No_choice_or_an_unknown_one_leaves_the_culture_as_it_is()
    {
        var english = CultureInfo.GetCultureInfo("en");

        Assert.Same(english, PreferredCulture.Of(english, null, null));
        Assert.Same(english, PreferredCulture.Of(english, "h25", "roman"));
        Assert.Same(PreferredCulture.Of(english, ClockPreference.TwelveHour, null), PreferredCulture.Of(english, ClockPreference.TwelveHour, null));
    }
}
