/** Editor entry: defines <sg-app>, which index.html mounts. */
import './app/sg-app';
