// English strings. Core keys here; each area's keys in messages/<area>.en.ts.
// ru.ts must have the same keys (tests/i18n.test.ts checks it).
import { garageEn } from "./messages/garage.en.ts";
import { ownerEn } from "./messages/owner.en.ts";
import { adminEn } from "./messages/admin.en.ts";
import { driverEn } from "./messages/driver.en.ts";
import { providerEn } from "./messages/provider.en.ts";
import { mapEn } from "./messages/map.en.ts";
import { bookingEn } from "./messages/booking.en.ts";

const core = {
  "app.name": "Chargeway",
  "app.tagline": "Find a charger, book it, charge and pay.",
  "nav.map": "Map",
  "nav.signIn": "Sign in",
  "nav.signUp": "Create account",
  "nav.signOut": "Sign out",
  "nav.account": "My account",
  "nav.garage": "Garage",
  "nav.owner": "My stations",
  "nav.provider": "Mobile charging",
  "nav.admin": "Admin",
  "nav.language": "Language",
  "nav.skip": "Skip to content",
  "nav.main": "Main",
  "role.DRIVER": "Driver",
  "role.OWNER": "Station owner",
  "role.GARAGE_ADMIN": "Garage admin",
  "role.MOBILE_PROVIDER": "Mobile charging provider",
  "role.ADMIN": "Platform admin",
  "auth.signInTitle": "Sign in to Chargeway",
  "auth.signUpTitle": "Create your driver account",
  "auth.email": "E-mail",
  "auth.password": "Password",
  "auth.name": "Full name",
  "auth.phone": "Phone (optional)",
  "auth.submitSignIn": "Sign in",
  "auth.submitSignUp": "Create account",
  "auth.noAccount": "No account yet?",
  "auth.haveAccount": "Already have an account?",
  "auth.working": "Please wait…",
  "auth.error.unknownEmail": "There is no account with this e-mail address.",
  "auth.error.wrongPassword": "The password is wrong.",
  "auth.error.suspended": "This account is suspended. Contact support.",
  "auth.error.throttled": "Too many failed attempts. Try again in {seconds} seconds.",
  "auth.error.invalid": "Enter a valid e-mail address and a password.",
  "auth.error.duplicate": "An account with this e-mail already exists. Sign in instead.",
  "auth.error.generic": "Something went wrong. Please try again.",
  "auth.passwordHint": "At least 8 characters.",
  "home.title": "Charging stations",
  "home.stations": "{count} stations",
  "home.demoHint": "Demo accounts are listed in the console where you ran npm start.",
  "driver.home.title": "Welcome, {name}",
  "driver.home.sessions": "Charging sessions",
  "driver.home.favorites": "Favourite stations",
  "driver.home.wallet": "Wallet balance",
  "driver.home.noSessions": "No charging sessions yet.",
  "owner.home.title": "Your stations",
  "owner.home.none": "You have not listed any station yet.",
  "garage.home.title": "Garages you administer",
  "garage.home.none": "You do not administer any garage yet.",
  "garage.home.spots": "{count} parking spots",
  "garage.home.renters": "{count} active renters",
  "provider.home.title": "Your mobile charging services",
  "provider.home.none": "You have not listed a service yet.",
  "admin.home.title": "Platform administration",
  "admin.home.users": "Users",
  "admin.home.stations": "Stations",
  "admin.home.online": "Chargers online",
  "admin.home.openIssues": "Open issue reports",
  "common.status": "Status",
  "common.online": "Online",
  "common.offline": "Offline",
  "common.save": "Save",
  "common.cancel": "Cancel",
  "common.notFound": "This page does not exist.",
  "common.backHome": "Back to the map",
} as const;

export const en = { ...core, ...garageEn, ...ownerEn, ...adminEn, ...driverEn, ...providerEn, ...mapEn, ...bookingEn };

export type MessageKey = keyof typeof en;
