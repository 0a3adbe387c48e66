// @ts-check
// Click-to-load video: the page shows a local poster and a Play button; nothing is
// requested from YouTube until the reader presses Play. Then the youtube-nocookie.com
// player takes the poster's place. The markup comes from overrides/walk_away/links.py.
const PLAYER = "https://www.youtube-nocookie.com/embed/";
const ID = /^[A-Za-z0-9_-]{11}$/;

/** @param {HTMLElement} box a player's box (data-video-embed) */
function play(box) {
  const id = box.dataset.videoId;
  if (id === undefined || !ID.test(id)) return;
  const frame = document.createElement("iframe");
  frame.className = "video-embed__frame";
  frame.src = `${PLAYER}${id}?autoplay=1`;
  frame.title = box.dataset.videoTitle ?? ""; // the template always gives the video's title
  frame.allow = ["accelerometer", "autoplay", "clipboard-write", "encrypted-media", "gyroscope",
    "picture-in-picture", "web-share"].join("; "); // Permissions Policy features
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  // The poster is always rendered (overrides/theme/partials/video-player.html).
  /** @type {Element} */ (box.querySelector(".video-embed__poster")).replaceWith(frame);
  box.dataset.state = "playing";
  frame.focus();
}

// Safe to run twice: each player is set up once (instant navigation brings new ones).
function setup() {
  /** @type {NodeListOf<HTMLElement>} */
  const boxes = document.querySelectorAll("[data-video-embed]:not([data-state])");
  for (const box of boxes) {
    /** @type {HTMLElement | null} */
    const button = box.querySelector("[data-video-play]");
    if (!button) continue;
    box.dataset.state = "ready";
    button.hidden = false;
    button.addEventListener("click", () => play(box), { once: true });
  }
}

// Material's instant navigation announces each new page on document$ (an RxJS subject).
/** @typedef {{subscribe: (next: () => void) => unknown}} Pages Material's document$ */
const { document$ } = /** @type {Window & {document$?: Pages}} */ (window);
if (document$) document$.subscribe(setup);
else setup();
