// On a phone the navigation is one scrolling row: bring the current page's entry into view.
document.querySelector('.helpnav [aria-current="page"]')?.scrollIntoView({ block: "nearest", inline: "center" });
