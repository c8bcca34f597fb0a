// The video room's side of the Agora Web SDK, imported by VideoRoom.razor as an ES module.
// Every exported function either resolves with a plain result or reports through the .NET callbacks; none of them
// lets an SDK error escape as an unhandled rejection.

let sdk;

/** Loads the SDK's UMD bundle once (a <script> that sets window.AgoraRTC) and answers its version. */
// Kept equal to the drawer's breakpoint in video-room.css.
export function isPhoneWidth() {
    return window.matchMedia('(max-width: 600px)').matches;
}

export async function loadSdk(bundleUrl) {
    sdk ??= new Promise((resolve, reject) => {
        if (window.AgoraRTC) {
            resolve(window.AgoraRTC);
            return;
        }
        const script = document.createElement("script");
        script.src = bundleUrl;
        script.async = true;
        script.onload = () => window.AgoraRTC
            ? resolve(window.AgoraRTC)
            : reject(new Error(`${bundleUrl} loaded but did not define AgoraRTC.`));
        script.onerror = () => reject(new Error(`The Agora Web SDK could not be loaded from ${bundleUrl}.`));
        document.head.appendChild(script);
    }).then(AgoraRTC => {
        AgoraRTC.setLogLevel(3); // warnings and errors only
        AgoraRTC.disableLogUpload();
        return AgoraRTC;
    });
    sdk.catch(() => { sdk = undefined; }); // a later retry loads it again
    return (await sdk).VERSION;
}

/**
 * One room on the page: the client, the local tracks and the tiles in <paramref name="grid"/> (an element Blazor
 * leaves empty). Returned to .NET as an IJSObjectReference and passed back to the functions below.
 * <paramref name="mayPublish"/> is false for a subscriber token (a student when student media is off): such a room
 * never opens a camera or microphone, since Agora would refuse to publish them anyway.
 */
export async function createRoom(dotNet, grid, mayPublish) {
    const AgoraRTC = await sdk;
    if (!AgoraRTC) {
        throw new Error("Call loadSdk before createRoom.");
    }
    const room = {
        dotNet,
        grid,
        client: AgoraRTC.createClient({ mode: "rtc", codec: "vp8" }),
        microphone: null,
        camera: null,
        uid: null,
        mayPublish: mayPublish === true,
        names: new Map(),
        joined: false,
        left: false,
    };
    listen(room);
    return room;
}

/**
 * Joins the channel; hosts publish microphone and camera at once. Answers { joined, problems, microphone, camera }.
 * The SDK retries an unreachable service for ever, so the join gives up after <paramref name="timeoutMs"/>.
 */
export async function join(room, appId, channel, token, uid, names, publish, timeoutMs) {
    setNames(room, names);
    room.uid = uid;
    let timer;
    const timedOut = new Promise(resolve => { timer = setTimeout(resolve, timeoutMs, timeoutMarker); });
    try {
        const outcome = await Promise.race([room.client.join(appId, channel, token, uid), timedOut]);
        if (outcome === timeoutMarker) {
            await abandon(room.client);
            return {
                joined: false,
                microphone: false,
                camera: false,
                problems: [{ what: "join", code: "JOIN_TIMEOUT", detail: `the video service did not answer within ${Math.round(timeoutMs / 1000)} seconds`, name: null }],
            };
        }
        room.joined = true;
    } catch (error) {
        return { joined: false, problems: [describe(error, "join")], microphone: false, camera: false };
    } finally {
        clearTimeout(timer);
    }
    if (room.left) {
        await leave(room);
        return { joined: false, problems: null, microphone: false, camera: false };
    }
    const warnings = [];
    if (publish && room.mayPublish) {
        for (const kind of ["microphone", "camera"]) {
            const result = await setDevice(room, kind, true);
            if (result.problem) {
                warnings.push(result.problem);
            }
        }
    }
    return {
        joined: true,
        problems: warnings.length ? warnings : null,
        microphone: room.microphone !== null,
        camera: room.camera !== null,
    };
}

/** Turns the microphone on or off. Answers { on, problem }; a refusal leaves it off and the room running. */
export function setMicrophone(room, on) {
    return setDevice(room, "microphone", on);
}

/** Turns the camera on or off. Answers { on, problem }. */
export function setCamera(room, on) {
    return setDevice(room, "camera", on);
}

/** The names to show on tiles, by RTC uid (as strings: JSON object keys). */
export function setNames(room, names) {
    room.names = new Map(Object.entries(names ?? {}).map(([uid, name]) => [String(uid), name]));
    for (const tile of room.grid.querySelectorAll(".video-tile")) {
        label(tile).textContent = nameOf(room, tile.dataset.uid);
    }
}

/** Stops and closes the local tracks, leaves the channel and clears the tiles. Safe to call more than once. */
export async function leave(room) {
    if (!room) {
        return;
    }
    room.left = true;
    for (const kind of ["microphone", "camera"]) {
        const track = room[kind];
        room[kind] = null;
        if (track) {
            track.stop();
            track.close();
        }
    }
    room.client.removeAllListeners();
    try {
        await room.client.leave();
    } catch (error) {
        console.warn("Leaving the video channel failed", error);
    }
    room.joined = false;
    room.grid.replaceChildren();
}

const timeoutMarker = Symbol("timeout");

/** Stops a join that is still retrying; the pending join then rejects, which nobody waits for any more. */
async function abandon(client) {
    try {
        await client.leave();
    } catch (error) {
        console.warn("Abandoning the join failed", error);
    }
}

function listen(room) {
    const { client } = room;
    client.on("user-joined", user => {
        tileFor(room, user.uid);
        notify(room, "OnUserJoined", user.uid);
    });
    client.on("user-left", (user, reason) => {
        removeTile(room, user.uid);
        notify(room, "OnUserLeft", user.uid, reason ?? null);
    });
    client.on("user-published", async (user, mediaType) => {
        try {
            await client.subscribe(user, mediaType);
        } catch (error) {
            notify(room, "OnError", describe(error, "receive", nameOf(room, user.uid)));
            return;
        }
        if (mediaType === "video") {
            user.videoTrack?.play(screen(tileFor(room, user.uid)), { fit: "contain" });
        } else {
            user.audioTrack?.play();
        }
    });
    client.on("user-unpublished", (user, mediaType) => {
        if (mediaType === "video") {
            screen(tileFor(room, user.uid)).replaceChildren();
        }
    });
    client.on("connection-state-change", (state, previous, reason) => {
        notify(room, "OnConnectionStateChanged", state, reason ?? null);
    });
    client.on("token-privilege-will-expire", async () => {
        try {
            const token = await room.dotNet.invokeMethodAsync("OnTokenWillExpire");
            if (token) {
                await client.renewToken(token);
            }
        } catch (error) {
            notify(room, "OnError", describe(error, "renew"));
        }
    });
    client.on("exception", event => {
        console.warn("Agora exception", event);
    });
}

async function setDevice(room, kind, on) {
    const current = room[kind];
    if (!on) {
        room[kind] = null;
        if (current) {
            if (room.joined) {
                await unpublish(room, current);
            }
            current.stop();
            current.close();
        }
        if (kind === "camera") {
            removeTile(room, room.uid);
        }
        return { on: false, problem: null };
    }
    if (current) {
        return { on: true, problem: null };
    }
    if (!room.mayPublish) {
        return { on: false, problem: { what: kind, code: "STUDENT_MEDIA_OFF", detail: "this session does not let students send camera or microphone", name: null } };
    }
    const AgoraRTC = await sdk;
    let track;
    try {
        track = kind === "camera"
            ? await AgoraRTC.createCameraVideoTrack()
            : await AgoraRTC.createMicrophoneAudioTrack();
    } catch (error) {
        return { on: false, problem: describe(error, kind) };
    }
    if (room.left) {
        track.close();
        return { on: false, problem: null };
    }
    room[kind] = track;
    if (kind === "camera") {
        track.play(screen(tileFor(room, room.uid, true)), { mirror: true });
    }
    if (room.joined) {
        try {
            await room.client.publish(track);
        } catch (error) {
            return { on: true, problem: describe(error, `${kind}-send`) };
        }
    }
    return { on: true, problem: null };
}

async function unpublish(room, track) {
    try {
        await room.client.unpublish(track);
    } catch (error) {
        console.warn("Unpublishing a track failed", error);
    }
}

function tileFor(room, uid, local = false) {
    const key = String(uid);
    let tile = room.grid.querySelector(`.video-tile[data-uid="${CSS.escape(key)}"]`);
    if (!tile) {
        tile = document.createElement("figure");
        tile.className = local ? "video-tile video-tile-local" : "video-tile";
        tile.dataset.uid = key;
        tile.dataset.testid = `video-tile-${key}`;
        const screenElement = document.createElement("div");
        screenElement.className = "video-tile-screen";
        const caption = document.createElement("figcaption");
        caption.className = "video-tile-name";
        tile.append(screenElement, caption);
        if (local) {
            room.grid.prepend(tile);
        } else {
            room.grid.append(tile);
        }
    }
    label(tile).textContent = local ? `${nameOf(room, key)} (you)` : nameOf(room, key);
    return tile;
}

function removeTile(room, uid) {
    room.grid.querySelector(`.video-tile[data-uid="${CSS.escape(String(uid))}"]`)?.remove();
}

const screen = tile => tile.querySelector(".video-tile-screen");
const label = tile => tile.querySelector(".video-tile-name");

function nameOf(room, uid) {
    return room.names.get(String(uid)) ?? "Guest";
}

/** Calls .NET without letting a closed circuit turn into an unhandled rejection. */
function notify(room, method, ...args) {
    if (room.left && method !== "OnError") {
        return;
    }
    room.dotNet.invokeMethodAsync(method, ...args).catch(error => console.warn(`${method} did not reach the server`, error));
}

/**
 * What failed, for .NET to put into the user's words (VideoProblems): <c>what</c> (join, microphone, camera, receive, renew),
 * the SDK's error code (PERMISSION_DENIED, CAN_NOT_GET_GATEWAY_SERVER, …) and its message, which only the log shows.
 */
function describe(error, what, name = null) {
    return { what, code: error?.code ?? null, detail: error?.message ?? String(error), name };
}
